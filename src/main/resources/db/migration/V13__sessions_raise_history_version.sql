-- A new session now raises its assignment's history version too (V11 left inserts out), so the version alone keys
-- the adherence figures the app keeps in memory and no page counts sessions any more. Counting was an index scan
-- over each assignment's whole history on every view: 0.7 ms of the database's time per dashboard page of 25
-- clients with two years of sessions each (EXPLAIN ANALYZE on the benchmark's data), and growing with every month
-- of history. V11 avoided the row lock this takes until the check-off commits; only one client writes sessions to
-- an assignment, so the lock is contended only by that client's own double submissions (which are saved once).
create trigger session_log_added after insert on session_log referencing new table as changed
    for each statement execute function raise_assignment_history_version();
