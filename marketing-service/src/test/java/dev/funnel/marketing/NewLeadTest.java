package dev.funnel.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewLeadTest {

    @Test
    void emailIsTrimmedAndLowerCasedSoOnePersonIsOneLead() {
        assertThat(NewLead.normaliseEmail("  Ada.Lovelace@Example.COM \t")).isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void lowerCasingIgnoresTheMachinesLocale() {
        // with a Turkish default locale, "I".toLowerCase() is a dotless i; addresses must not depend on it
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(NewLead.normaliseEmail("INFO@EXAMPLE.COM")).isEqualTo("info@example.com");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void absentEmailStaysAbsent() {
        assertThat(NewLead.normaliseEmail(null)).isNull();
    }
}
