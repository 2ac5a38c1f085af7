package dev.funnel.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.analytics.AttributionModel;
import dev.funnel.analytics.FunnelFilter;
import dev.funnel.analytics.Interval;
import dev.funnel.analytics.Window;
import dev.funnel.contracts.Channel;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnalyticsParametersTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:34:56Z");

    private static AnalyticsParameters parameters() {
        return new AnalyticsParameters(NOW);
    }

    private static InvalidParametersException invalid(Runnable reading) {
        try {
            reading.run();
        } catch (InvalidParametersException e) {
            return e;
        }
        throw new AssertionError("no parameter was refused");
    }

    @Test
    void dateMeansItsUtcMidnightAndInstantIsTakenAsIs() {
        AnalyticsParameters parameters = parameters();

        Window window = parameters.window("2026-03-01", "2026-03-02T06:30:00Z");
        parameters.check();

        assertThat(window).isEqualTo(new Window(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T06:30:00Z")));
    }

    @Test
    void absentOrBlankBoundsDefaultToTheEpochAndNow() {
        AnalyticsParameters parameters = parameters();

        assertThat(parameters.window(null, " ")).isEqualTo(new Window(Instant.EPOCH, NOW));
        parameters.check();
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        InvalidParametersException e = invalid(() -> {
            AnalyticsParameters parameters = parameters();
            parameters.filter("yesterday", "2026-02-30", "spring", "TELEPATHY");
            parameters.check();
        });

        assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("from", "to", "campaignId", "channel");
    }

    @Test
    void toNotAfterFromIsNamedAsToAndFromAfterDefaultToAsFrom() {
        assertThat(invalid(() -> {
            AnalyticsParameters parameters = parameters();
            parameters.window("2026-03-02", "2026-03-02");
            parameters.check();
        }).errors()).extracting(Problem.FieldError::field).containsExactly("to");
        assertThat(invalid(() -> {
            AnalyticsParameters parameters = parameters();
            parameters.window("2026-04-01", null);
            parameters.check();
        }).errors()).extracting(Problem.FieldError::field).containsExactly("from");
    }

    @Test
    void filterReadsCampaignAndChannelInAnyCase() {
        UUID campaign = UUID.randomUUID();
        AnalyticsParameters parameters = parameters();

        FunnelFilter filter = parameters.filter(null, null, campaign.toString(), "search");
        parameters.check();

        assertThat(filter.campaignId()).isEqualTo(campaign);
        assertThat(filter.channel()).isEqualTo(Channel.SEARCH);
    }

    @Test
    void metricAndModelAreRequiredAndIntervalDefaultsToDay() {
        AnalyticsParameters parameters = parameters();

        assertThat(parameters.interval(null)).isEqualTo(Interval.DAY);
        assertThat(parameters.interval("MONTH")).isEqualTo(Interval.MONTH);
        assertThat(parameters.model("last-touch")).isEqualTo(AttributionModel.LAST_TOUCH);
        assertThat(parameters.metric("roas").name()).isEqualTo("roas");
        parameters.check();

        assertThatThrownBy(() -> {
            AnalyticsParameters missing = parameters();
            missing.metric(null);
            missing.model("");
            missing.interval("hour");
            missing.check();
        }).isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.errors())
                .extracting(Problem.FieldError::field).containsExactly("metric", "model", "interval"));
    }
}
