package dev.funnel.system.privacy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person no one else in any test is: every personal field a unique mark, so finding any of them anywhere
 * means finding this person. No character in them is special to SQL patterns or escaped in JSON or
 * Prometheus text, so each is written the same wherever it is copied.
 */
record Person(String email, String firstName, String lastName, String phone, String company, String jobTitle) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Person unique() {
        String mark = letters(10);
        return new Person("erase" + mark + "@example.com", "Ada" + letters(8), "Love" + letters(8),
                "+44" + digits(10), "Engines" + letters(8), "Head of Engineering " + letters(8));
    }

    /**
     * What to look for: every field as captured, the email in any case (it is stored lower-cased, but a
     * copy may keep it as posted), and the phone's digits alone, in case a copy drops the '+'.
     */
    List<String> marks() {
        return List.of(email, firstName, lastName, phone, phone.replace("+", ""), company, jobTitle);
    }

    /** The first mark {@code text} holds, whatever its case; empty when it holds none. */
    Optional<String> foundIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return marks().stream().filter(mark -> lower.contains(mark.toLowerCase(Locale.ROOT))).findFirst();
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        digits.append(1 + RANDOM.nextInt(9)); // no leading zero, which a copy might drop
        for (int i = 1; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
