-- Each lead's row is written twice or more: created by its LeadGenerated event, then changed as sales moves
-- the lead (qualified, contacted, ..., won or lost). Filled to the brim, a page had no room for the changed
-- row, so every such update wrote the row elsewhere and a new entry into each index that covers it (four,
-- five once won): none of 3.1 million updates in a long-running local funnel was a heap-only (HOT) update. Leaving a fifth
-- of each new page free keeps most new versions on their page, where no index changes. Measured with
-- bench/analytics-join.sh (200,000 leads, about 70,000 updates, a CHECKPOINT before each run): HOT updates
-- 43-50% before, 85% after; WAL 1,866-1,963 bytes a lead before, 1,676-1,743 after. Existing pages keep
-- their fill; new rows go to pages that follow this setting. Rebuilds carry it over (ShadowTables).
ALTER TABLE lead_fact SET (fillfactor = 80);
