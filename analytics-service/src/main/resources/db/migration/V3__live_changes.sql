-- The live stream asks, four times a second, when the newest event was applied: an index answers
-- that from its last entry instead of scanning every event ever applied.
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
