-- Adherence is derived from an assignment's prescriptions, pauses and sessions, and every trainer page and the
-- client's "today" show it. The app keeps computed figures in memory keyed by this counter and the assignment's
-- number of sessions. Any change to the prescriptions or pauses, and any session changed or removed, raises the
-- counter in the same transaction, whoever writes it (the app, an import, a DBA's fix); a new session raises the
-- count. So a figure computed from an older history is never looked up again, on any instance.
--
-- New sessions deliberately do not raise the counter: that would lock the assignment's row until each check-off
-- commits, and check-offs are the busiest write (the count comes from V9's index without touching that row).
alter table assignment add column history_version bigint not null default 0;

-- Statement-level with transition tables: a bulk change raises each assignment's counter once.
create function raise_assignment_history_version() returns trigger language plpgsql as $$
begin
    update assignment a set history_version = a.history_version + 1
    where a.id in (select changed.assignment_id from changed);
    return null;
end $$;

create trigger session_log_changed after update on session_log referencing new table as changed
    for each statement execute function raise_assignment_history_version();
create trigger session_log_removed after delete on session_log referencing old table as changed
    for each statement execute function raise_assignment_history_version();

create trigger assignment_event_added after insert on assignment_event referencing new table as changed
    for each statement execute function raise_assignment_history_version();
create trigger assignment_event_changed after update on assignment_event referencing new table as changed
    for each statement execute function raise_assignment_history_version();
create trigger assignment_event_removed after delete on assignment_event referencing old table as changed
    for each statement execute function raise_assignment_history_version();

create trigger prescription_added after insert on prescription referencing new table as changed
    for each statement execute function raise_assignment_history_version();
create trigger prescription_changed after update on prescription referencing new table as changed
    for each statement execute function raise_assignment_history_version();
create trigger prescription_removed after delete on prescription referencing old table as changed
    for each statement execute function raise_assignment_history_version();
