package dev.funnel.analytics.messaging;

import static dev.funnel.analytics.FunnelApi.assertFigures;
import static dev.funnel.analytics.FunnelApi.awaitFunnel;
import static dev.funnel.analytics.FunnelApi.funnel;
import static dev.funnel.analytics.FunnelApi.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.ConsumerLag;
import dev.funnel.analytics.FunnelEvents;
import dev.funnel.analytics.FunnelScenario;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The join is exactly-once in effect and independent of order: the same funnel, delivered once in the order it
 * happened and (with other ids, a month later) shuffled across all three topics with every event delivered
 * twice, gives the same figures, and the figures computed by hand.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class JoinedFunnelTest {

    private static Map<String, String> window(FunnelScenario s, String name, UUID value) {
        return value == null
                ? Map.of("from", s.day.toString(), "to", s.end().toString())
                : Map.of("from", s.day.toString(), "to", s.end().toString(), name, value.toString());
    }

    /** The attribution answer without what differs between the two runs (ids and window). */
    private static List<String> credits(FunnelScenario s, String model) {
        JsonNode answer = get("/api/analytics/attribution",
                Map.of("model", model, "from", s.day.toString(), "to", s.end().toString()));
        List<String> credits = new ArrayList<>();
        credits.add(answer.get("totalWon") + " won, " + answer.get("totalRevenue"));
        answer.get("campaigns").forEach(c -> credits.add(c.get("name") + " " + c.get("channel") + " " + c.get("won") + " " + c.get("revenue")));
        return credits;
    }

    @Test
    void shuffledAndRedeliveredEventsGiveTheSameFiguresAsInOrder() {
        FunnelScenario inOrder = new FunnelScenario(Instant.parse("2024-05-08T00:00:00Z"));
        FunnelScenario shuffled = new FunnelScenario(Instant.parse("2024-06-05T00:00:00Z"));
        List<FunnelEvents.Event> twice = new ArrayList<>(shuffled.events());
        twice.addAll(shuffled.events());
        // a deal before its lead, a lead before its campaign, a stage before the one before it
        Collections.shuffle(twice, new Random(20240605));

        FunnelEvents.publish(inOrder.events());
        FunnelEvents.publish(twice);

        awaitFunnel(window(shuffled, null, null), FunnelScenario.TOTAL_FUNNEL);
        awaitFunnel(window(inOrder, null, null), FunnelScenario.TOTAL_FUNNEL);
        // every delivery, the second ones too, is handled before the figures are compared
        ConsumerLag.awaitNone();

        assertFigures(funnel(window(shuffled, null, null)), FunnelScenario.TOTAL_FUNNEL);
        assertThat(funnel(window(shuffled, null, null))).isEqualTo(funnel(window(inOrder, null, null)));
        assertFigures(funnel(window(shuffled, "campaignId", shuffled.search)), FunnelScenario.SEARCH_FUNNEL);
        assertThat(funnel(window(shuffled, "campaignId", shuffled.search)))
                .isEqualTo(funnel(window(inOrder, "campaignId", inOrder.search)));
        assertFigures(funnel(window(shuffled, "campaignId", shuffled.email)), FunnelScenario.EMAIL_FUNNEL);
        assertThat(funnel(window(shuffled, "campaignId", shuffled.email)))
                .isEqualTo(funnel(window(inOrder, "campaignId", inOrder.email)));
        for (String model : List.of("first-touch", "last-touch", "linear")) {
            assertThat(credits(shuffled, model)).as(model).isEqualTo(credits(inOrder, model));
        }
    }
}
