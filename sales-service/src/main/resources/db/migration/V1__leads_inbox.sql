-- The sales view of each lead marketing generated. Personal columns are nulled when the lead is erased.
CREATE TABLE lead (
    id            uuid         PRIMARY KEY,
    email         varchar(254),
    first_name    varchar(100),
    last_name     varchar(100),
    company       varchar(200),
    job_title     varchar(150),
    phone         varchar(40),
    country       varchar(2),
    company_size  integer,
    budget        numeric(19, 2),
    currency      varchar(3),
    timeline      varchar(16),
    campaign_id   uuid,
    channel       varchar(20)  NOT NULL,
    stage         varchar(20)  NOT NULL,
    touches       integer      NOT NULL DEFAULT 1,
    created_at    timestamptz  NOT NULL,
    received_at   timestamptz  NOT NULL,
    erased_at     timestamptz,
    version       bigint       NOT NULL DEFAULT 0
);
CREATE INDEX lead_stage_idx ON lead (stage, created_at);

-- Inbox: ids of the events already applied, written in the same transaction as their effect,
-- so a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
