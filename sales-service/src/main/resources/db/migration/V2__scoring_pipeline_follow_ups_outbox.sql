-- Scoring, assignment and the pipeline on the lead itself: its score with the breakdown that made it,
-- the rep who owns it, and how its deal closed.
ALTER TABLE lead
    ADD COLUMN score             integer,
    ADD COLUMN score_breakdown   jsonb,
    ADD COLUMN threshold         integer,
    ADD COLUMN rules_version     bigint,
    ADD COLUMN owner_id          uuid,
    ADD COLUMN amount            numeric(19, 2),
    ADD COLUMN amount_currency   varchar(3),
    ADD COLUMN loss_reason       varchar(20),
    ADD COLUMN stage_changed_at  timestamptz;
-- The sales view lists leads highest score first, optionally per stage, owner or minimum score.
CREATE INDEX lead_score_idx ON lead (score DESC NULLS LAST, created_at DESC);
CREATE INDEX lead_owner_idx ON lead (owner_id, score DESC NULLS LAST);

-- The scoring rules a sales manager reads and changes: one JSON document, versioned so that two
-- managers editing at once cannot silently overwrite each other.
CREATE TABLE scoring_rules (
    id          smallint     PRIMARY KEY CHECK (id = 1),
    version     bigint       NOT NULL,
    rules       jsonb        NOT NULL,
    updated_at  timestamptz  NOT NULL,
    updated_by  varchar(200) NOT NULL
);
INSERT INTO scoring_rules (id, version, rules, updated_at, updated_by) VALUES (1, 1, '{
  "threshold": 50,
  "seniority": [
    {"keyword": "chief", "points": 25}, {"keyword": "ceo", "points": 25}, {"keyword": "cto", "points": 25},
    {"keyword": "cfo", "points": 25}, {"keyword": "founder", "points": 25}, {"keyword": "president", "points": 25},
    {"keyword": "vp", "points": 20}, {"keyword": "vice president", "points": 20}, {"keyword": "head", "points": 20},
    {"keyword": "director", "points": 15}, {"keyword": "manager", "points": 10}
  ],
  "companySize": [
    {"atLeast": 1000, "points": 20}, {"atLeast": 200, "points": 15}, {"atLeast": 50, "points": 10},
    {"atLeast": 10, "points": 5}
  ],
  "budget": [
    {"atLeast": 100000, "points": 25}, {"atLeast": 50000, "points": 20}, {"atLeast": 10000, "points": 10},
    {"atLeast": 1000, "points": 5}
  ],
  "timeline": {"NOW": 20, "QUARTER": 15, "YEAR": 5, "UNKNOWN": 0},
  "channel": {"REFERRAL": 15, "EVENT": 10, "SEARCH": 10, "CONTENT": 5, "EMAIL": 5},
  "engagement": {"pointsPerTouch": 5, "maxPoints": 15}
}', now(), 'migration');

-- Sales reps; qualified leads go to the active ones in turn: the rep with the oldest turn is next.
CREATE SEQUENCE rep_turn_seq;
CREATE TABLE rep (
    id          uuid         PRIMARY KEY,
    name        varchar(200) NOT NULL,
    email       varchar(254),
    active      boolean      NOT NULL,
    last_turn   bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX rep_active_turn_idx ON rep (active, last_turn);

-- A lead's history: every stage move (who, when, note), every touch, every referral it made.
CREATE TABLE lead_history (
    id                bigserial    PRIMARY KEY,
    lead_id           uuid         NOT NULL REFERENCES lead (id),
    kind              varchar(20)  NOT NULL,
    from_stage        varchar(20),
    to_stage          varchar(20),
    moved_by          varchar(200),
    note              varchar(2000),
    amount            numeric(19, 2),
    currency          varchar(3),
    loss_reason       varchar(20),
    channel           varchar(20),
    campaign_id       uuid,
    referred_lead_id  uuid,
    occurred_at       timestamptz  NOT NULL
);
CREATE INDEX lead_history_lead_idx ON lead_history (lead_id, occurred_at, id);

-- Calls, emails, meetings and check-ins scheduled with a lead.
CREATE TABLE follow_up (
    id            uuid          PRIMARY KEY,
    lead_id       uuid          NOT NULL REFERENCES lead (id),
    kind          varchar(20)   NOT NULL,
    owner_id      uuid,
    due_at        timestamptz   NOT NULL,
    note          varchar(2000),
    created_by    varchar(200)  NOT NULL,
    created_at    timestamptz   NOT NULL,
    completed_at  timestamptz,
    completed_by  varchar(200),
    outcome       varchar(2000),
    version       bigint        NOT NULL DEFAULT 0
);
CREATE INDEX follow_up_due_idx ON follow_up (due_at, id);
CREATE INDEX follow_up_owner_due_idx ON follow_up (owner_id, due_at);
CREATE INDEX follow_up_lead_idx ON follow_up (lead_id, due_at);

-- Transactional outbox, as in marketing: written with the state it announces, deleted once Kafka
-- acknowledged it. One id at a time (no blocks): a lead's later move always gets a larger id, even
-- from another instance, so the relay publishes each lead's events in order.
CREATE SEQUENCE outbox_event_seq;
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
