package dev.funnel.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * The people who fill in forms, drawn so that sales' default scoring (threshold 50) qualifies roughly a
 * third of them: B2B teams typically pass 25-40 % of marketing leads to sales. Seniority, company size,
 * budget and buying timeline vary widely, and people on a demo or pricing form (high intent) more often
 * name a budget and a near timeline than readers of an ebook.
 */
final class Prospects {

    private static final List<String> FIRST_NAMES = List.of("Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis",
            "Barbara", "Ken", "Frances", "Edsger", "Radia", "Tim", "Hedy", "John", "Katherine", "Niklaus", "Annie",
            "Donald", "Mary", "Bjarne", "Sophie", "Guido", "Karen", "James", "Lucia", "Omar", "Priya", "Wei", "Yuki",
            "Mateo", "Amara", "Lars", "Ingrid", "Diego", "Fatima", "Noah", "Elena", "Kofi", "Mei", "Hugo");
    private static final List<String> LAST_NAMES = List.of("Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton",
            "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra", "Perlman", "Berners-Lee", "Lamarr", "Backus",
            "Johnson", "Wirth", "Easley", "Knuth", "Keller", "Stroustrup", "Wilson", "van Rossum", "Jones", "Gosling",
            "Garcia", "Haddad", "Sharma", "Zhang", "Tanaka", "Rossi", "Okafor", "Nilsson", "Berg", "Morales",
            "Khan", "Smith", "Petrova", "Mensah", "Chen", "Dubois");
    private static final List<String> COMPANIES = List.of("Northwind Traders", "Contoso", "Fabrikam", "Tailspin Toys",
            "Wide World Importers", "Adventure Works", "Litware", "Proseware", "Woodgrove Bank", "Fourth Coffee",
            "Alpine Ski House", "Blue Yonder Airlines", "Coho Winery", "Lucerne Publishing", "Margie's Travel",
            "Trey Research", "Wingtip Toys", "Humongous Insurance", "Graphic Design Institute", "City Power & Light",
            "Relecloud", "VanArsdel", "Munson's Pickles", "Bellows College", "Datum Corporation", "Southridge Video",
            "Consolidated Messenger", "Best For You Organics", "Nod Publishers", "Lamna Healthcare");
    private static final List<String> JOB_TITLES = Arrays.asList("CEO", "Founder", "CTO", "Chief Marketing Officer",
            "VP Sales", "VP Marketing", "Head of Operations", "Head of Growth", "Director of IT", "Marketing Director",
            "Sales Manager", "Marketing Manager", "Product Manager", "Software Engineer", "Business Analyst",
            "Consultant", "Marketing Specialist", "Student", null);
    private static final List<Double> JOB_TITLE_WEIGHTS = List.of(4.0, 4.0, 4.0, 2.0, 5.0, 5.0, 5.0, 4.0, 7.0, 7.0,
            8.0, 10.0, 6.0, 9.0, 7.0, 5.0, 6.0, 3.0, 2.0);
    // where B2B software leads come from: North America first, then western Europe
    private static final List<String> COUNTRIES = Arrays.asList("US", "GB", "DE", "FR", "CA", "NL", "AU", "IN", "BR",
            "ES", null);
    private static final List<Double> COUNTRY_WEIGHTS = List.of(40.0, 12.0, 10.0, 6.0, 6.0, 4.0, 5.0, 6.0, 5.0, 4.0, 2.0);
    private static final List<String> FORMS = List.of("demo-request", "pricing", "ebook", "webinar", "contact-us");
    private static final List<Double> FORM_WEIGHTS = List.of(20.0, 10.0, 30.0, 20.0, 20.0);
    private static final List<String> TIMELINES = Arrays.asList("NOW", "QUARTER", "YEAR", "UNKNOWN", null);
    private static final List<Double> HIGH_INTENT_TIMELINES = List.of(30.0, 40.0, 15.0, 10.0, 5.0);
    private static final List<Double> LOW_INTENT_TIMELINES = List.of(5.0, 20.0, 35.0, 20.0, 20.0);

    private final Dice dice;
    private int numbered;

    Prospects(Dice dice) {
        this.dice = dice;
    }

    /** A new person, with a number no one else in the plan has. */
    Person next() {
        int number = numbered++;
        String firstName = dice.pick(FIRST_NAMES);
        String lastName = dice.pick(LAST_NAMES);
        String company = dice.pick(COMPANIES);
        String jobTitle = dice.pick(JOB_TITLES, JOB_TITLE_WEIGHTS);
        String country = dice.pick(COUNTRIES, COUNTRY_WEIGHTS);
        String form = dice.pick(FORMS, FORM_WEIGHTS);
        boolean highIntent = form.equals("demo-request") || form.equals("pricing");
        String timeline = dice.pick(TIMELINES, highIntent ? HIGH_INTENT_TIMELINES : LOW_INTENT_TIMELINES);
        // employees: most B2B prospects work at small and mid-sized firms, a few at very large ones
        Integer companySize = dice.chance(0.15) ? null
                : (int) Math.min(100_000, Math.max(1, Math.round(dice.logNormal(120, 1.6))));
        BigDecimal budget = dice.chance(highIntent ? 0.7 : 0.3) ? budget() : null;
        String phone = dice.chance(0.45) ? "+1 555 " + dice.between(100, 999) + " " + dice.between(1000, 9999) : null;
        boolean consent = dice.chance(0.65);
        return new Person(number, firstName, lastName, company, domainOf(company), jobTitle, phone, country,
                companySize, budget, timeline, consent, form);
    }

    /** Budgets from $1,000 to $250,000, evenly spread on a log scale, to $500. */
    private BigDecimal budget() {
        double amount = Math.exp(dice.between(Math.log(1_000), Math.log(250_000)));
        return BigDecimal.valueOf(Math.max(1, Math.round(amount / 500)) * 500L).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Under the reserved {@code .example} top-level domain, so no address can ever reach a real mailbox. */
    private static String domainOf(String company) {
        return company.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
                + ".example";
    }
}
