-- Leads as marketing captured them. Personal columns are nulled on erasure; the anonymous facts stay.
CREATE TABLE lead (
    id                uuid         PRIMARY KEY,
    email             varchar(254),
    first_name        varchar(100),
    last_name         varchar(100),
    company           varchar(200),
    job_title         varchar(150),
    phone             varchar(40),
    country           varchar(2),
    company_size      integer,
    budget            numeric(19, 2),
    currency          varchar(3),
    timeline          varchar(16),
    campaign_id       uuid,
    channel           varchar(20)  NOT NULL,
    utm_source        varchar(255),
    utm_medium        varchar(255),
    utm_campaign      varchar(255),
    utm_term          varchar(255),
    utm_content       varchar(255),
    marketing_consent boolean,
    attributes        jsonb,
    referred_by       uuid,
    created_at        timestamptz  NOT NULL,
    erased_at         timestamptz
);
-- One lead per email; erased leads have no email and do not collide (NULLs are distinct).
CREATE UNIQUE INDEX lead_email_key ON lead (email);
CREATE INDEX lead_created_at_idx ON lead (created_at);
CREATE INDEX lead_campaign_created_at_idx ON lead (campaign_id, created_at);

-- Transactional outbox: written in the same transaction as the state it announces, deleted once
-- Kafka acknowledged it. Ids come from a sequence in blocks of 50 so inserts can be batched.
CREATE SEQUENCE outbox_event_seq INCREMENT BY 50;
CREATE TABLE outbox_event (
    id          bigint       PRIMARY KEY,
    event_id    uuid         NOT NULL UNIQUE,
    event_type  varchar(200) NOT NULL,
    source      varchar(200) NOT NULL,
    topic       varchar(200) NOT NULL,
    event_key   varchar(100) NOT NULL,
    occurred_at timestamptz  NOT NULL,
    payload     text         NOT NULL
);

-- The first answer to each Idempotency-Key, returned as it was to every retry of that request.
CREATE TABLE idempotent_request (
    idempotency_key varchar(255) PRIMARY KEY,
    request_hash    varchar(64)  NOT NULL,
    status          integer,
    response        text,
    created_at      timestamptz  NOT NULL
);
