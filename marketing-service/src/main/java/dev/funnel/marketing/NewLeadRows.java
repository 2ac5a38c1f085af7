package dev.funnel.marketing;

import dev.funnel.contracts.EventCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Inserts a transaction's new leads in one statement, one array a column (see {@link BeforeCommit#column}).
 * Each column's name, type and value are given once, together, so the statement's columns and the arrays
 * bound to them cannot fall out of step.
 */
final class NewLeadRows {

    private record Column(String name, String type, Function<Lead, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", "uuid", lead -> lead.id),
            new Column("email", "varchar", lead -> lead.email),
            new Column("first_name", "varchar", lead -> lead.firstName),
            new Column("last_name", "varchar", lead -> lead.lastName),
            new Column("company", "varchar", lead -> lead.company),
            new Column("job_title", "varchar", lead -> lead.jobTitle),
            new Column("phone", "varchar", lead -> lead.phone),
            new Column("country", "varchar", lead -> lead.country),
            new Column("company_size", "int4", lead -> lead.companySize),
            new Column("budget", "numeric", lead -> lead.budget),
            new Column("currency", "varchar", lead -> lead.currency),
            new Column("timeline", "varchar", lead -> lead.timeline == null ? null : lead.timeline.name()),
            new Column("campaign_id", "uuid", lead -> lead.campaignId),
            new Column("channel", "varchar", lead -> lead.channel.name()),
            new Column("utm_source", "varchar", lead -> lead.utmSource),
            new Column("utm_medium", "varchar", lead -> lead.utmMedium),
            new Column("utm_campaign", "varchar", lead -> lead.utmCampaign),
            new Column("utm_term", "varchar", lead -> lead.utmTerm),
            new Column("utm_content", "varchar", lead -> lead.utmContent),
            new Column("marketing_consent", "bool", lead -> lead.marketingConsent),
            new Column("attributes", "jsonb", lead -> lead.attributes == null ? null : EventCodec.write(lead.attributes)),
            new Column("referred_by", "uuid", lead -> lead.referredBy),
            new Column("created_at", "timestamptz", lead -> lead.createdAt.toString()));

    /** Fixed text from the column list above; every value goes in as a bound array. */
    private static final String INSERT = "INSERT INTO lead ("
            + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
            + ") SELECT * FROM unnest("
            + COLUMNS.stream().map(column -> "?::" + column.type() + "[]").collect(Collectors.joining(", "))
            + ")";

    private NewLeadRows() {
    }

    static void insert(Connection connection, List<Lead> leads) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column column = COLUMNS.get(i);
                // jsonb and timestamptz go as text: the driver has no array encoding of its own for them
                String sent = column.type().equals("jsonb") || column.type().equals("timestamptz") ? "text" : column.type();
                insert.setArray(i + 1, BeforeCommit.column(connection, sent, leads, column.value()));
            }
            insert.executeUpdate();
        }
    }
}
