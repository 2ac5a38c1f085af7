package dev.funnel.system.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PersonTest {

    private final Person person = Person.unique();

    @Test
    void isFoundByAnyFieldInAnyCaseAndByThePhonesDigitsAlone() {
        assertThat(person.foundIn("{\"email\":\"" + person.email().toUpperCase(Locale.ROOT) + "\"}")).contains(person.email());
        assertThat(person.foundIn("note: called " + person.lastName().toLowerCase(Locale.ROOT))).contains(person.lastName());
        assertThat(person.foundIn("tel " + person.phone().substring(1))).contains(person.phone().substring(1));
        assertThat(person.foundIn("works at " + person.company())).contains(person.company());
        assertThat(person.foundIn(person.jobTitle())).contains(person.jobTitle());
    }

    @Test
    void isNotFoundInSomeoneElsesData() {
        Person other = Person.unique();
        String theirs = String.join(" ", other.marks());

        assertThat(person.foundIn(theirs)).isEmpty();
        assertThat(person.foundIn(null)).isEmpty();
    }
}
