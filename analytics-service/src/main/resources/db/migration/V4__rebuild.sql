-- Rebuilds of the analytics tables from the topics (see dev.funnel.analytics.rebuild). Kept here, not in
-- memory, so any instance answers about a rebuild another instance runs; never replayed itself.
CREATE TABLE rebuild (
    rebuild_id     uuid         PRIMARY KEY,
    state          varchar(10)  NOT NULL,
    started_at     timestamptz  NOT NULL,
    finished_at    timestamptz,
    -- records on the topics when the rebuild started; null until the topics were read
    events_total   bigint,
    -- records replayed so far, poison included; events_skipped of them were poison (live dead-lettered them)
    events_applied bigint       NOT NULL DEFAULT 0,
    events_skipped bigint       NOT NULL DEFAULT 0,
    problem        text,
    -- the running instance touches this every few seconds; a rebuild silent for long was abandoned
    heartbeat_at   timestamptz  NOT NULL
);
-- One rebuild at a time, whichever instance is asked: a second one underway breaks this index.
CREATE UNIQUE INDEX rebuild_one_underway_idx ON rebuild ((true)) WHERE state IN ('RUNNING', 'SWAPPING');
CREATE INDEX rebuild_started_at_idx ON rebuild (started_at);
