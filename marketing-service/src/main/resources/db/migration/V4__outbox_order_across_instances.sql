-- Outbox ids come from the sequence at insert time, one by one. Blocks of 50 held by each instance
-- (the old allocation) let a later event of a lead get a lower id than an earlier one when two
-- instances handled it, and the relay publishes in id order.
ALTER SEQUENCE outbox_event_seq INCREMENT BY 1;
ALTER TABLE outbox_event ALTER COLUMN id SET DEFAULT nextval('outbox_event_seq');
