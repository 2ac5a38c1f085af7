package dev.funnel.sales;

import dev.funnel.contracts.EventCodec;
import dev.funnel.sales.UnnestInsert.Column;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

/**
 * Stores the leads a transaction takes in: all of them in one statement just before it commits (see
 * {@link BeforeCommit}), each as its object is then, so events of the same poll that touch, score or erase
 * it after it came in still reach its row. Hibernate does not manage these objects in that transaction:
 * whatever changes one must hold the object itself, as intake does.
 */
@ApplicationScoped
public class NewLeads {

    /** Key of the transaction's new leads. */
    private static final Object STAGED = new Object();

    /** Every column of {@link Lead}: a column added there goes here too, or a new lead's value is lost. */
    private static final UnnestInsert<Lead> INSERT = new UnnestInsert<>("lead", List.of(
            new Column<>("id", "uuid", lead -> lead.id),
            new Column<>("email", "varchar", lead -> lead.email),
            new Column<>("first_name", "varchar", lead -> lead.firstName),
            new Column<>("last_name", "varchar", lead -> lead.lastName),
            new Column<>("company", "varchar", lead -> lead.company),
            new Column<>("job_title", "varchar", lead -> lead.jobTitle),
            new Column<>("phone", "varchar", lead -> lead.phone),
            new Column<>("country", "varchar", lead -> lead.country),
            new Column<>("company_size", "int4", lead -> lead.companySize),
            new Column<>("budget", "numeric", lead -> decimal(lead.budget)),
            new Column<>("currency", "varchar", lead -> lead.currency),
            new Column<>("timeline", "varchar", lead -> name(lead.timeline)),
            new Column<>("campaign_id", "uuid", lead -> lead.campaignId),
            new Column<>("channel", "varchar", lead -> lead.channel.name()),
            new Column<>("stage", "varchar", lead -> lead.stage.name()),
            new Column<>("touches", "int4", lead -> lead.touches),
            new Column<>("score", "int4", lead -> lead.score),
            new Column<>("score_breakdown", "jsonb",
                    lead -> lead.scoreBreakdown == null ? null : EventCodec.write(lead.scoreBreakdown)),
            new Column<>("threshold", "int4", lead -> lead.threshold),
            new Column<>("rules_version", "int8", lead -> lead.rulesVersion),
            new Column<>("owner_id", "uuid", lead -> lead.ownerId),
            new Column<>("amount", "numeric", lead -> decimal(lead.amount)),
            new Column<>("amount_currency", "varchar", lead -> lead.amountCurrency),
            new Column<>("loss_reason", "varchar", lead -> name(lead.lossReason)),
            new Column<>("created_at", "timestamptz", lead -> text(lead.createdAt)),
            new Column<>("received_at", "timestamptz", lead -> text(lead.receivedAt)),
            new Column<>("stage_changed_at", "timestamptz", lead -> text(lead.stageChangedAt)),
            new Column<>("erased_at", "timestamptz", lead -> text(lead.erasedAt)),
            // the version a lead has once Hibernate stored it: the first change of the lead checks for it
            new Column<>("version", "int8", lead -> 0L)));

    @Inject
    BeforeCommit beforeCommit;

    /** Stores the new lead when this transaction commits, as it is then. */
    public void add(Lead lead) {
        beforeCommit.<Lead>staged(STAGED, "new leads", INSERT::insert, committed -> { }).add(lead);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
