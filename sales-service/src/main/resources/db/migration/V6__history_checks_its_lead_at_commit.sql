-- A new lead is stored once, whole: intake persists it after its touch and its qualification, which go into
-- its history first, so the history's reference to it is checked when the transaction commits.
ALTER TABLE lead_history ALTER CONSTRAINT lead_history_lead_id_fkey DEFERRABLE INITIALLY DEFERRED;
