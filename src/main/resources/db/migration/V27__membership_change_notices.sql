-- Every instance keeps who is what in which clinic in memory (docs/adr/0048) and forgets an entry the moment its rows
-- change: these triggers announce each change of a person's staff or client row, or of a clinic's row, on the
-- channel backline_membership, after the change commits (NOTIFY is delivered at commit, never for a rollback).
-- The payload is "<clinic id> <user id>", or "<clinic id> *" for everyone in that clinic.
create function membership_changed() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'clinic' then
        perform pg_notify('backline_membership', coalesce(new.id, old.id) || ' *');
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.user_id is not null then
        perform pg_notify('backline_membership', old.clinic_id || ' ' || old.user_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.user_id is not null then
        perform pg_notify('backline_membership', new.clinic_id || ' ' || new.user_id);
    end if;
    return null;
end
$$;

create trigger staff_member_membership_changed after insert or update or delete on staff_member
    for each row execute function membership_changed();
create trigger client_membership_changed after insert or update or delete on client
    for each row execute function membership_changed();
create trigger clinic_membership_changed after update or delete on clinic
    for each row execute function membership_changed();
