package dev.funnel.simulator;

import java.math.BigDecimal;

/**
 * Someone who fills in a form: what marketing captures and sales scores. Optional facts are null when
 * the form left them out. The email's local part carries the person's number, so every person of a
 * plan has an address of their own; a run adds its tag (see {@link #email(String)}).
 */
public record Person(int number, String firstName, String lastName, String company, String domain,
                     String jobTitle, String phone, String country, Integer companySize, BigDecimal budget,
                     String timeline, boolean marketingConsent, String form) {

    /** The address in one run: the tag keeps two runs of one plan on one funnel from meeting as duplicates. */
    public String email(String runTag) {
        return (firstName + "." + lastName).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "")
                + "." + number + "." + runTag + "@" + domain;
    }
}
