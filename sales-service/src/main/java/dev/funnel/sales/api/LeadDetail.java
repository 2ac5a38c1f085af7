package dev.funnel.sales.api;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.FollowUp;
import dev.funnel.sales.HistoryEntry;
import dev.funnel.sales.Lead;
import dev.funnel.sales.Score;
import dev.funnel.sales.StageMachine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One lead with everything sales knows of it: its score and the breakdown behind it, its stage and the
 * stages it may move to, its owner, its deal, its history and its follow-ups.
 */
public record LeadDetail(
        UUID id,
        PipelineStage stage,
        List<PipelineStage> allowedMoves,
        Integer score,
        Integer threshold,
        Long rulesVersion,
        List<Score.Line> scoreBreakdown,
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
        Instant erasedAt,
        List<HistoryView> history,
        List<FollowUpView> followUps) {

    static LeadDetail of(Lead lead) {
        return new LeadDetail(lead.id, lead.stage, StageMachine.allowedFrom(lead.stage), lead.score, lead.threshold,
                lead.rulesVersion, lead.scoreBreakdown, lead.ownerId, lead.amount, lead.amountCurrency,
                lead.lossReason, lead.email, lead.firstName, lead.lastName, lead.company, lead.jobTitle, lead.phone,
                lead.country, lead.companySize, lead.budget, lead.currency, lead.timeline, lead.campaignId,
                lead.channel, lead.touches, lead.createdAt, lead.receivedAt, lead.stageChangedAt, lead.erasedAt,
                HistoryEntry.of(lead.id).stream().map(HistoryView::of).toList(),
                FollowUp.of(lead.id).stream().map(FollowUpView::of).toList());
    }
}
