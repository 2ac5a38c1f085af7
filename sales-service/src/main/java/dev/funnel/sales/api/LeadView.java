package dev.funnel.sales.api;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.Lead;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A lead in the sales list; personal fields are absent once the lead was erased. */
public record LeadView(
        UUID id,
        PipelineStage stage,
        Integer score,
        UUID ownerId,
        BigDecimal amount,
        String amountCurrency,
        LossReason lossReason,
        String email,
        String firstName,
        String lastName,
        String company,
        String jobTitle,
        String phone,
        String country,
        Integer companySize,
        BigDecimal budget,
        String currency,
        Timeline timeline,
        UUID campaignId,
        Channel channel,
        int touches,
        Instant createdAt,
        Instant receivedAt,
        Instant stageChangedAt,
        Instant erasedAt) {

    static LeadView of(Lead lead) {
        return new LeadView(lead.id, lead.stage, lead.score, lead.ownerId, lead.amount, lead.amountCurrency,
                lead.lossReason, lead.email, lead.firstName, lead.lastName, lead.company, lead.jobTitle, lead.phone,
                lead.country, lead.companySize, lead.budget, lead.currency, lead.timeline, lead.campaignId,
                lead.channel, lead.touches, lead.createdAt, lead.receivedAt, lead.stageChangedAt, lead.erasedAt);
    }
}
