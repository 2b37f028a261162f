-- A look at a page is recorded at once in an unchained table, and a job moves it into the clinic's chain in batches:
-- one clinic's views no longer wait for one another on the chain's head (docs/adr/0047).

-- The same row as audit_event's, less the chain's columns, with the same checks so that every row can be moved. No
-- trigger and no shared row on insert, and no foreign key to the clinic: the key-share lock every view would take on
-- its clinic's row is what this table leaves out. The key is the job's order: per clinic, as written.
create table audit_view_pending (
    clinic_id      varchar(64)  not null,
    written_order  bigint       generated always as identity,
    id             uuid         not null,
    client_id      uuid,
    subject_kind   varchar(20)  not null default 'client',
    subject_id     varchar(64),
    actor_user_id  uuid         not null,
    actor_name     varchar(160) not null,
    action         varchar(40)  not null,
    detail         varchar(200),
    request_id     varchar(64)  not null,
    happened_at    timestamptz  not null default now(),
    primary key (clinic_id, written_order),
    constraint audit_view_pending_subject_kind check (subject_kind in
        ('client', 'staff', 'clinic', 'invitation', 'program', 'import', 'sign-in', 'referral')),
    constraint audit_view_pending_client_subject check (subject_kind <> 'client' or client_id is not null)
);
-- A client's "who looked" lines read the rows still waiting too.
create index audit_view_pending_client on audit_view_pending (clinic_id, client_id, happened_at desc)
    where client_id is not null;

-- Waiting rows are never changed; they leave only through audit_chain_pending below.
create function audit_view_pending_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_view_pending is append-only';
end;
$$;
create trigger audit_view_pending_append_only before update on audit_view_pending
    for each row execute function audit_view_pending_is_append_only();
create trigger audit_view_pending_no_truncate before truncate on audit_view_pending
    for each statement execute function audit_view_pending_is_append_only();

-- Moves one clinic's oldest waiting rows into the chain, in the order written, keeping their time and request: the
-- delete and the insert are one statement, so a row is chained exactly once or stays waiting. Security definer (the
-- schema's owner), so the application may add and read waiting rows but never delete one. A second caller for the
-- same clinic (another instance) returns 0 at once instead of waiting for the head's lock.
create function audit_chain_pending(clinic varchar, batch integer) returns integer
    language plpgsql security definer set search_path from current as $$
declare
    moved integer;
begin
    if not pg_try_advisory_xact_lock(hashtextextended('audit_chain_pending ' || clinic, 0)) then
        return 0;
    end if;
    with taken as (
        delete from audit_view_pending p
        where p.clinic_id = clinic and p.written_order in (
            select q.written_order from audit_view_pending q where q.clinic_id = clinic order by q.written_order limit batch)
        returning p.*
    )
    insert into audit_event (clinic_id, id, client_id, subject_kind, subject_id, actor_user_id, actor_name, action,
        detail, request_id, happened_at)
    select t.clinic_id, t.id, t.client_id, t.subject_kind, t.subject_id, t.actor_user_id, t.actor_name, t.action,
        t.detail, t.request_id, t.happened_at
    from taken t order by t.written_order;
    get diagnostics moved = row_count;
    return moved;
end;
$$;

-- The whole trail as its readers see it: the chained rows, and the views still waiting (no seq yet).
create view audit_trail as
    select clinic_id, id, client_id, subject_kind, subject_id, actor_user_id, actor_name, action, detail, request_id,
        happened_at, seq
    from audit_event
    union all
    select clinic_id, id, client_id, subject_kind, subject_id, actor_user_id, actor_name, action, detail, request_id,
        happened_at, null::bigint
    from audit_view_pending;

-- The app adds and reads waiting rows, reads the whole trail, and moves rows only through the function.
revoke update, delete, truncate on audit_view_pending from "${runtime_role}";
revoke insert, update, delete, truncate on audit_trail from "${runtime_role}";
revoke execute on function audit_chain_pending(varchar, integer) from public;
grant execute on function audit_chain_pending(varchar, integer) to "${runtime_role}";
