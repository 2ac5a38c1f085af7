package dev.funnel.contracts.access;

import java.util.List;

/**
 * The roles a caller's bearer token may carry in its {@code groups} claim: the authorisation contract of every
 * service's REST API (README, Security). A token may carry several; each endpoint names the roles it admits.
 * Constants, so that {@code @RolesAllowed} can use them.
 */
public final class Roles {

    /** Other systems posting leads and awareness: web forms, ad platforms, sales-service's referrals. */
    public static final String LEAD_INTAKE = "lead-intake";
    /** Campaigns, spend, reading leads. */
    public static final String MARKETER = "marketer";
    /** The sales API: the pipeline, reps, follow-ups, referrals. */
    public static final String SALES = "sales";
    /** The analytics API and the dashboard. */
    public static final String ANALYST = "analyst";
    /** Erasure, the analytics rebuild, the scoring rules. */
    public static final String ADMIN = "admin";

    /** Every role, in the order the README lists them. */
    public static final List<String> ALL = List.of(LEAD_INTAKE, MARKETER, SALES, ANALYST, ADMIN);

    private Roles() {
    }
}
