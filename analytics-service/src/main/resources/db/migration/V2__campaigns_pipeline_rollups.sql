-- The join of marketing.campaigns, marketing.leads and sales.pipeline, and the rollups a query reads
-- instead of scanning every lead.

-- A pipeline event may arrive before its lead's LeadGenerated: the lead's row then exists without its
-- creation (and so counts nowhere yet) until the lead event fills it in.
ALTER TABLE lead_fact ALTER COLUMN channel DROP NOT NULL;
ALTER TABLE lead_fact ALTER COLUMN created_at DROP NOT NULL;
-- Stages the lead ever reached ("whatever came later"), and its deal.
ALTER TABLE lead_fact ADD COLUMN reached_qualified   boolean NOT NULL DEFAULT false;
ALTER TABLE lead_fact ADD COLUMN reached_contacted   boolean NOT NULL DEFAULT false;
ALTER TABLE lead_fact ADD COLUMN reached_proposal    boolean NOT NULL DEFAULT false;
ALTER TABLE lead_fact ADD COLUMN reached_negotiation boolean NOT NULL DEFAULT false;
ALTER TABLE lead_fact ADD COLUMN lost                boolean NOT NULL DEFAULT false;
ALTER TABLE lead_fact ADD COLUMN won_at              timestamptz;
ALTER TABLE lead_fact ADD COLUMN won_amount          numeric(19, 4);
-- Attribution reads the won leads of a creation window.
CREATE INDEX lead_fact_won_created_at_idx ON lead_fact (created_at) WHERE won_at IS NOT NULL;

-- Campaigns as marketing announced them; small, joined at query time for names and channels.
CREATE TABLE campaign (
    campaign_id uuid          PRIMARY KEY,
    name        varchar(200)  NOT NULL,
    channel     varchar(20)   NOT NULL,
    budget      numeric(19, 4) NOT NULL,
    currency    char(3)       NOT NULL,
    status      varchar(10)   NOT NULL,
    -- the time of the event the row reflects, so an older event never overwrites a newer one
    changed_at  timestamptz   NOT NULL
);
CREATE INDEX campaign_channel_idx ON campaign (channel);

-- The leads' funnel counts, summed per lead-creation bucket ('H' a UTC hour, 'D' a UTC day, 'M' a UTC month),
-- campaign and lead channel: a query reads whole months, then days, then hours, and only the minutes at a
-- window's edges from lead_fact. campaign_id is the nil UUID for leads without a campaign, so it can be part of the key.
CREATE TABLE lead_rollup (
    grain              char(1)        NOT NULL,
    bucket_start       timestamptz    NOT NULL,
    campaign_id        uuid           NOT NULL,
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
    PRIMARY KEY (grain, bucket_start, campaign_id, channel)
);
CREATE INDEX lead_rollup_campaign_idx ON lead_rollup (campaign_id, grain, bucket_start);
CREATE INDEX lead_rollup_channel_idx ON lead_rollup (channel, grain, bucket_start);

-- Impressions, clicks and visits per campaign and UTC hour ('H'), day ('D') or month ('M').
CREATE TABLE awareness_rollup (
    grain        char(1)     NOT NULL,
    bucket_start timestamptz NOT NULL,
    campaign_id  uuid        NOT NULL,
    impressions  bigint      NOT NULL,
    clicks       bigint      NOT NULL,
    visits       bigint      NOT NULL,
    PRIMARY KEY (grain, bucket_start, campaign_id)
);
CREATE INDEX awareness_rollup_campaign_idx ON awareness_rollup (campaign_id, grain, bucket_start);

-- Each spend once by its own id, even when published again under a new event id.
CREATE TABLE spend (
    spend_id    uuid           PRIMARY KEY,
    campaign_id uuid           NOT NULL,
    amount      numeric(19, 4) NOT NULL,
    spent_on    date           NOT NULL
);

-- Spend per campaign and UTC day ('D', the day it was spent on) or month ('M').
CREATE TABLE spend_rollup (
    grain        char(1)        NOT NULL,
    bucket_start timestamptz    NOT NULL,
    campaign_id  uuid           NOT NULL,
    amount       numeric(19, 4) NOT NULL,
    PRIMARY KEY (grain, bucket_start, campaign_id)
);
CREATE INDEX spend_rollup_campaign_idx ON spend_rollup (campaign_id, grain, bucket_start);
