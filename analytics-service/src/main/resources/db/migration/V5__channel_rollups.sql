-- The rollups again without the campaign: a funnel that does not ask for one campaign (all of them, a
-- channel, per channel, over time) reads one row per channel and bucket instead of one per campaign, a
-- thousand campaigns making a thousand times fewer rows to sum. Kept in the same transactions as the
-- per-campaign rollups, which stay for the campaign filter and the per-campaign rows.

-- Leads by their own channel, as in lead_rollup.
CREATE TABLE lead_channel_rollup (
    grain              char(1)        NOT NULL,
    bucket_start       timestamptz    NOT NULL,
    channel            varchar(20)    NOT NULL,
    leads              bigint         NOT NULL,
    qualified          bigint         NOT NULL,
    contacted          bigint         NOT NULL,
    proposals          bigint         NOT NULL,
    negotiations       bigint         NOT NULL,
    won                bigint         NOT NULL,
    lost               bigint         NOT NULL,
    revenue            numeric(19, 4) NOT NULL,
    won_cycle_seconds  bigint         NOT NULL,
    PRIMARY KEY (grain, bucket_start, channel)
);

-- Awareness and spend by their campaign's channel; a campaign whose launch is not known yet counts under
-- OTHER until its launch moves its sums to its channel.
CREATE TABLE awareness_channel_rollup (
    grain        char(1)     NOT NULL,
    bucket_start timestamptz NOT NULL,
    channel      varchar(20) NOT NULL,
    impressions  bigint      NOT NULL,
    clicks       bigint      NOT NULL,
    visits       bigint      NOT NULL,
    PRIMARY KEY (grain, bucket_start, channel)
);

CREATE TABLE spend_channel_rollup (
    grain        char(1)        NOT NULL,
    bucket_start timestamptz    NOT NULL,
    channel      varchar(20)    NOT NULL,
    amount       numeric(19, 4) NOT NULL,
    PRIMARY KEY (grain, bucket_start, channel)
);

-- Existing deployments: the sums of what the per-campaign rollups already hold, under the same channels
-- the queries gave them until now (the campaign's, OTHER when it is not known).
INSERT INTO lead_channel_rollup (grain, bucket_start, channel, leads, qualified, contacted, proposals,
                                 negotiations, won, lost, revenue, won_cycle_seconds)
SELECT grain, bucket_start, channel, sum(leads), sum(qualified), sum(contacted), sum(proposals),
       sum(negotiations), sum(won), sum(lost), sum(revenue), sum(won_cycle_seconds)
FROM lead_rollup
GROUP BY grain, bucket_start, channel;

INSERT INTO awareness_channel_rollup (grain, bucket_start, channel, impressions, clicks, visits)
SELECT r.grain, r.bucket_start, coalesce(c.channel, 'OTHER'), sum(r.impressions), sum(r.clicks), sum(r.visits)
FROM awareness_rollup r LEFT JOIN campaign c ON c.campaign_id = r.campaign_id
GROUP BY r.grain, r.bucket_start, coalesce(c.channel, 'OTHER');

INSERT INTO spend_channel_rollup (grain, bucket_start, channel, amount)
SELECT r.grain, r.bucket_start, coalesce(c.channel, 'OTHER'), sum(r.amount)
FROM spend_rollup r LEFT JOIN campaign c ON c.campaign_id = r.campaign_id
GROUP BY r.grain, r.bucket_start, coalesce(c.channel, 'OTHER');

ANALYZE lead_channel_rollup, awareness_channel_rollup, spend_channel_rollup;
