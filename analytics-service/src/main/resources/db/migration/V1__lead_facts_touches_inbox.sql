-- Analytics stores no personal data at all (no email, names, phone): only the anonymous facts the
-- funnel counts, so an erasure request has nothing to remove here.

-- One row per lead: when it was created and where it came from (its first touch).
CREATE TABLE lead_fact (
    lead_id     uuid         PRIMARY KEY,
    campaign_id uuid,
    channel     varchar(20)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    -- the person asked to be forgotten; the lead still counts in the funnel
    erased_at   timestamptz
);
-- The funnel filters on creation time, alone or with a campaign or a channel.
CREATE INDEX lead_fact_created_at_idx ON lead_fact (created_at);
CREATE INDEX lead_fact_campaign_created_at_idx ON lead_fact (campaign_id, created_at);
CREATE INDEX lead_fact_channel_created_at_idx ON lead_fact (channel, created_at);

-- A known lead came back through a campaign: one row per LeadEngaged event, for multi-touch attribution.
-- No foreign key to lead_fact: a topic trimmed by retention may no longer hold the lead's creation.
CREATE TABLE touch (
    event_id    uuid         PRIMARY KEY,
    lead_id     uuid         NOT NULL,
    campaign_id uuid,
    channel     varchar(20)  NOT NULL,
    occurred_at timestamptz  NOT NULL
);
CREATE INDEX touch_lead_occurred_at_idx ON touch (lead_id, occurred_at);

-- The inbox: every event id whose effect is committed, written in the same transaction as that effect,
-- so a redelivered event is recognised and skipped.
CREATE TABLE processed_event (
    event_id     uuid         PRIMARY KEY,
    processed_at timestamptz  NOT NULL
);
