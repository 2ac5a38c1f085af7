-- An event's id is a fresh UUID made as it is appended (74 of its bits random), and nothing looks a row up
-- by it: the unique index on it cost an index insert per event and most of each vacuum of the outbox (the
-- relay vacuums it every few thousand events; the index was over twice the size of the rest). Consumers
-- tell events apart by this id; a collision of such ids is not a case worth an index.
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_event_id_key;
