-- The relay empties the outbox as fast as events come, so a vacuum nearly always finds empty pages at
-- the end of the table and, by default, gives them back to the file system. That needs the table's
-- ACCESS EXCLUSIVE lock, which every transaction appending an event conflicts with: under load a vacuum
-- spent 0.2-1.4 s trying for it (measured with VACUUM VERBOSE at 1,000 leads/s), blocked appends while
-- it held it, and the next moment's appends grew the file again. Without truncation the same vacuum
-- takes 2-22 ms; the few pages kept are reused by the next events.
ALTER TABLE outbox_event SET (vacuum_truncate = false);
