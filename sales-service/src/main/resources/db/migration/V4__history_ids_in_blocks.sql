-- History ids are drawn in blocks of 50 by each instance (HistoryEntry's sequence generator) instead of one
-- at a time by the database as each row is inserted: an identity insert has to run at once, alone, and
-- before it every insert Hibernate holds back (the new lead's too, which then needed an UPDATE for its
-- score and stage). Now a lead's history rows wait for the flush and go in batches with the rest.
-- A lead's history is ordered by time first; only entries of the same microsecond written by different
-- instances fall back on an id order that no longer follows their insertion.
ALTER SEQUENCE lead_history_id_seq INCREMENT BY 50;
-- Only the generator draws from the sequence now; a default drawing from it too would collide with its blocks.
ALTER TABLE lead_history ALTER COLUMN id DROP DEFAULT;
