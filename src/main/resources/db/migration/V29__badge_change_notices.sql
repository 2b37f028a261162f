-- Every instance keeps each person's menu counts (open flags, unread messages and notifications) in memory and forgets
-- a clinic's the moment a row they are counted from changes (docs/adr/0054): these triggers announce each change on
-- the channel backline_badges at commit, with the clinic's id as the payload (PostgreSQL sends one notice per
-- clinic per transaction, however many rows changed, and none for a rollback).
create function badges_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('backline_badges', old.clinic_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform pg_notify('backline_badges', new.clinic_id);
    end if;
    return null;
end
$$;

create trigger symptom_flag_badges_changed after insert or update or delete on symptom_flag
    for each row execute function badges_changed();
create trigger message_badges_changed after insert or update or delete on message
    for each row execute function badges_changed();
create trigger message_read_badges_changed after insert or update or delete on message_read
    for each row execute function badges_changed();
create trigger notification_badges_changed after insert or update or delete on notification
    for each row execute function badges_changed();
create trigger care_team_member_badges_changed after insert or update or delete on care_team_member
    for each row execute function badges_changed();
