-- The audit trail records more than looks at a client (staff, settings, invitations, programs, imports, sign-ins,
-- referrals, the flag queue and dashboard), and each clinic's rows form a hash chain, so that a row changed or
-- removed after it was written shows (docs/adr/0036).

-- A constant default fills the existing rows without rewriting or updating them: they were all about a client.
alter table audit_event
    alter column client_id drop not null,
    add column subject_kind varchar(20) not null default 'client',
    add column subject_id   varchar(64),
    add column seq          bigint,
    add column prev_hash    bytea,
    add column row_hash     bytea;
alter table audit_event add constraint audit_event_subject_kind check (subject_kind in
    ('client', 'staff', 'clinic', 'invitation', 'program', 'import', 'sign-in', 'referral'));
alter table audit_event add constraint audit_event_client_subject check (subject_kind <> 'client' or client_id is not null);

-- The one canonical form of a row: every field but the hash itself, as a JSON array, the time in UTC to the
-- microsecond so that neither the session's time zone nor its date style changes the text.
create function audit_event_hash(e audit_event) returns bytea language sql stable parallel safe as $$
    select sha256(convert_to(json_build_array(e.clinic_id, e.seq, e.id, e.subject_kind, e.subject_id, e.client_id,
        e.actor_user_id, e.actor_name, e.action, e.detail, e.request_id,
        to_char(e.happened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        encode(e.prev_hash, 'hex'))::text, 'UTF8'))
$$;

-- Each clinic's latest link: its row lock makes a clinic's inserts wait for one another, so the chain never forks,
-- and comparing it with the last row shows when the newest rows were removed.
create table audit_chain_head (
    clinic_id varchar(64) primary key references clinic (id),
    seq       bigint not null,
    row_hash  bytea
);

-- Existing rows are chained in the order they were written. UPDATE is refused by the append-only trigger, so it is
-- off for this loop only, inside the migration's transaction.
alter table audit_event disable trigger audit_event_append_only;
do $$
declare
    e audit_event;
    last_clinic varchar(64);
    last_seq bigint;
    last_hash bytea;
begin
    for e in select * from audit_event order by clinic_id, happened_at, id loop
        if last_clinic is distinct from e.clinic_id then
            if last_clinic is not null then
                insert into audit_chain_head (clinic_id, seq, row_hash) values (last_clinic, last_seq, last_hash);
            end if;
            last_clinic := e.clinic_id;
            last_seq := 0;
            last_hash := null;
        end if;
        e.seq := last_seq + 1;
        e.prev_hash := last_hash;
        e.row_hash := audit_event_hash(e);
        update audit_event set seq = e.seq, prev_hash = e.prev_hash, row_hash = e.row_hash where id = e.id;
        last_seq := e.seq;
        last_hash := e.row_hash;
    end loop;
    if last_clinic is not null then
        insert into audit_chain_head (clinic_id, seq, row_hash) values (last_clinic, last_seq, last_hash);
    end if;
end;
$$;
alter table audit_event enable trigger audit_event_append_only;

alter table audit_event alter column seq set not null, alter column row_hash set not null;
create unique index audit_event_clinic_seq on audit_event (clinic_id, seq);

-- Every insert, whoever makes it, is chained here: the caller's seq and hashes are ignored. Security definer, so the
-- application needs no right to write the chain's head itself.
create function audit_event_chain() returns trigger language plpgsql security definer set search_path from current as $$
declare
    previous bytea;
begin
    -- The upsert locks the clinic's head (waiting for another insert's transaction to end) and reads its latest value.
    insert into audit_chain_head as h (clinic_id, seq, row_hash) values (new.clinic_id, 1, null)
    on conflict (clinic_id) do update set seq = h.seq + 1
    returning h.seq, h.row_hash into new.seq, previous;
    new.prev_hash := previous;
    new.row_hash := audit_event_hash(new);
    update audit_chain_head set row_hash = new.row_hash where clinic_id = new.clinic_id;
    return new;
end;
$$;
create trigger audit_event_chained before insert on audit_event
    for each row execute function audit_event_chain();

-- The app reads the head (the audit page compares it with the last row) but moves it only through the trigger above.
revoke insert, update, delete, truncate on audit_chain_head from "${runtime_role}";
