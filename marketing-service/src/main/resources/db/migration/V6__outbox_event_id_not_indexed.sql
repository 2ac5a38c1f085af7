-- An event's id is a random UUID made as it is appended, and nothing looks a row up by it: the unique index
-- on it only cost an insert into a random place of the index per event, and most of each vacuum of the
-- outbox (the relay vacuums it every few thousand events; the index was over twice the size of the rest).
-- Consumers tell events apart by this id, and a collision of random UUIDs is not a case worth an index.
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_event_id_key;
