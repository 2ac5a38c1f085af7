package dev.funnel.analytics.messaging;

import static dev.funnel.analytics.FunnelApi.PATIENCE;
import static dev.funnel.analytics.FunnelApi.awaitLeads;
import static dev.funnel.analytics.FunnelApi.leads;
import static dev.funnel.analytics.MarketingLeads.generated;
import static dev.funnel.analytics.MarketingLeads.generatedRecord;
import static dev.funnel.analytics.MarketingLeads.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.analytics.LeadFact;
import dev.funnel.analytics.MarketingLeads;
import dev.funnel.analytics.Touch;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventSource;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** What analytics makes of each record on marketing.leads: facts once per event, poison to the dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class LeadEventsTest {

    private static final Instant CREATED = Instant.parse("2025-02-01T09:00:00Z");

    @Inject
    EntityManager em;

    private static List<ConsumerRecord<String, String>> deadLetters(UUID leadId) {
        return TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.ANALYTICS_DEAD_LETTER,
                TopicRecords.keyed(leadId), 1, PATIENCE);
    }

    @Test
    void sameEventDeliveredTwiceCountsOnce() {
        UUID campaign = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        LeadGenerated lead = generated(UUID.randomUUID(), campaign, Channel.SEARCH, CREATED);
        CloudEvent once = CloudEvent.of(EventTypes.LEAD_GENERATED, lead.leadId(), CREATED);
        ProducerRecord<String, String> delivery = record(0, once, EventCodec.write(lead));
        LeadGenerated after = generated(UUID.randomUUID(), marker, Channel.SEARCH, CREATED);
        // all on one partition: once the last is counted, both deliveries before it have been handled
        MarketingLeads.send(delivery, delivery,
                record(0, CloudEvent.of(EventTypes.LEAD_GENERATED, after.leadId(), CREATED), EventCodec.write(after)));

        awaitLeads(Map.of("campaignId", marker), 1);
        assertThat(leads(Map.of("campaignId", campaign))).isEqualTo(1);
    }

    @Test
    void sameLeadPublishedAgainUnderANewEventIdCountsOnce() {
        UUID campaign = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        LeadGenerated lead = generated(UUID.randomUUID(), campaign, Channel.DISPLAY, CREATED);
        LeadGenerated after = generated(UUID.randomUUID(), marker, Channel.DISPLAY, CREATED);
        // keyed by the first lead's id, so on its partition: once "after" is counted, both copies were handled
        MarketingLeads.send(generatedRecord(lead), generatedRecord(lead),
                record(CloudEvent.of(EventTypes.LEAD_GENERATED, lead.leadId(), CREATED), EventCodec.write(after)));

        awaitLeads(Map.of("campaignId", marker), 1);
        assertThat(leads(Map.of("campaignId", campaign))).isEqualTo(1);
    }

    @Test
    void invalidJsonPayloadIsDeadLetteredAndTheNextEventIsStillCounted() {
        UUID campaign = UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        CloudEvent poison = CloudEvent.of(EventTypes.LEAD_GENERATED, leadId, CREATED);
        MarketingLeads.send(record(poison, "{\"leadId\": \"" + leadId + "\", "),
                generatedRecord(generated(leadId, campaign, Channel.EVENT, CREATED)));

        awaitLeads(Map.of("campaignId", campaign), 1);
        List<ConsumerRecord<String, String>> dead = deadLetters(leadId);
        assertThat(dead).hasSize(1);
        assertThat(TopicRecords.cloudEvent(dead.get(0)).id()).isEqualTo(poison.id());
        assertThat(TopicRecords.header(dead.get(0), "dead-letter-reason"))
                .contains("payload is not a valid " + EventTypes.LEAD_GENERATED.type());
        assertThat(TopicRecords.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.MARKETING_LEADS);
    }

    @Test
    void unknownEventTypeIsDeadLetteredAndTheNextEventIsStillCounted() {
        UUID campaign = UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        String teleported = "dev.funnel.marketing.lead.teleported.v1";
        CloudEvent poison = new CloudEvent(UUID.randomUUID(), teleported, EventSource.MARKETING, leadId.toString(), CREATED);
        MarketingLeads.send(record(poison, "{\"leadId\": \"" + leadId + "\"}"),
                generatedRecord(generated(leadId, campaign, Channel.EVENT, CREATED)));

        awaitLeads(Map.of("campaignId", campaign), 1);
        List<ConsumerRecord<String, String>> dead = deadLetters(leadId);
        assertThat(dead).hasSize(1);
        assertThat(TopicRecords.header(dead.get(0), CloudEvent.HEADER_TYPE)).isEqualTo(teleported);
        assertThat(TopicRecords.header(dead.get(0), "dead-letter-reason")).isEqualTo("unknown event type " + teleported);
    }

    @Test
    void payloadWithoutARequiredFieldIsDeadLetteredAndStoresNothing() {
        UUID leadId = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        String noCreationTime = EventCodec.write(generated(leadId, campaign, Channel.PR, CREATED))
                .replace("\"createdAt\":\"" + CREATED + "\"", "\"createdAt\":null");
        assertThat(noCreationTime).contains("\"createdAt\":null");
        MarketingLeads.send(record(CloudEvent.of(EventTypes.LEAD_GENERATED, leadId, CREATED), noCreationTime));

        List<ConsumerRecord<String, String>> dead = deadLetters(leadId);
        assertThat(dead).hasSize(1);
        assertThat(TopicRecords.header(dead.get(0), "dead-letter-reason")).contains("createdAt");
        assertThat(leads(Map.of("campaignId", campaign))).isZero();
    }

    @Test
    void engagedLeadRecordsATouchForAttribution() {
        UUID leadId = UUID.randomUUID();
        UUID firstCampaign = UUID.randomUUID();
        UUID secondCampaign = UUID.randomUUID();
        Instant engagedAt = CREATED.plus(Duration.ofDays(3));
        CloudEvent engaged = CloudEvent.of(EventTypes.LEAD_ENGAGED, leadId, engagedAt);
        MarketingLeads.send(generatedRecord(generated(leadId, firstCampaign, Channel.SOCIAL, CREATED)),
                record(engaged, EventCodec.write(new LeadEngaged(leadId, secondCampaign, Channel.EMAIL, null, engagedAt))));

        Touch touch = await().atMost(PATIENCE).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Touch.<Touch>findById(engaged.id())),
                found -> found != null);
        assertThat(touch.leadId).isEqualTo(leadId);
        assertThat(touch.campaignId).isEqualTo(secondCampaign);
        assertThat(touch.channel).isEqualTo(Channel.EMAIL);
        assertThat(touch.occurredAt).isEqualTo(engagedAt);
        // a touch is not a new lead: the lead counts once, for the campaign that created it
        assertThat(leads(Map.of("campaignId", firstCampaign))).isEqualTo(1);
        assertThat(leads(Map.of("campaignId", secondCampaign))).isZero();
    }

    @Test
    void erasedLeadIsMarkedErasedAndStillCounts() {
        UUID leadId = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        Instant erasedAt = CREATED.plus(Duration.ofDays(10));
        MarketingLeads.send(generatedRecord(generated(leadId, campaign, Channel.CONTENT, CREATED)),
                record(CloudEvent.of(EventTypes.LEAD_ERASED, leadId, erasedAt),
                        EventCodec.write(new LeadErased(leadId, erasedAt))));

        LeadFact fact = await().atMost(PATIENCE).until(
                () -> QuarkusTransaction.requiringNew().call(() -> LeadFact.<LeadFact>findById(leadId)),
                found -> found != null && found.erasedAt != null);
        assertThat(fact.erasedAt).isEqualTo(erasedAt);
        assertThat(fact.createdAt).isEqualTo(CREATED);
        assertThat(fact.channel).isEqualTo(Channel.CONTENT);
        assertThat(leads(Map.of("campaignId", campaign))).isEqualTo(1);
    }

    @Test
    void erasureArrivingBeforeItsLeadIsKeptAndTheLeadStillCounts() {
        UUID leadId = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        Instant erasedAt = CREATED.plus(Duration.ofDays(1));
        MarketingLeads.send(record(CloudEvent.of(EventTypes.LEAD_ERASED, leadId, erasedAt),
                        EventCodec.write(new LeadErased(leadId, erasedAt))),
                generatedRecord(generated(leadId, campaign, Channel.CONTENT, CREATED)));

        LeadFact fact = await().atMost(PATIENCE).until(
                () -> QuarkusTransaction.requiringNew().call(() -> LeadFact.<LeadFact>findById(leadId)),
                found -> found != null && found.createdAt != null);
        assertThat(fact.erasedAt).isEqualTo(erasedAt);
        assertThat(leads(Map.of("campaignId", campaign))).isEqualTo(1);
    }

    @Test
    void noTableHoldsPersonalData() {
        @SuppressWarnings("unchecked")
        List<String> columns = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name <> 'flyway_schema_history'""")
                .getResultList());

        // a campaign's name is marketing's, not a person's
        assertThat(columns).isNotEmpty().contains("campaign.name")
                .filteredOn(c -> !c.equals("campaign.name"))
                .noneMatch(c -> c.matches(".*(email|name|phone|company|job|country|utm|attribute|consent).*"));
    }
}
