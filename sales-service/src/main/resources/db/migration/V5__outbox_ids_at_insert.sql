-- Outbox rows are written with plain JDBC just before their transaction commits (messaging/Outbox): the
-- id comes from the sequence as the row is inserted.
ALTER TABLE outbox_event ALTER COLUMN id SET DEFAULT nextval('outbox_event_seq');
