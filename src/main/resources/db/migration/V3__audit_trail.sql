-- Who viewed or changed a client's health data. Append-only: the trigger refuses updates and deletes for every
-- role, the application's included.
create table audit_event (
    id             uuid         primary key,
    clinic_id      varchar(64)  not null references clinic (id),
    client_id      uuid         not null,
    actor_user_id  uuid         not null,
    actor_name     varchar(160) not null,
    action         varchar(40)  not null,
    detail         varchar(200),
    request_id     varchar(64)  not null,
    happened_at    timestamptz  not null default now()
);
create index audit_event_client on audit_event (clinic_id, client_id, happened_at desc);
create index audit_event_actor on audit_event (clinic_id, actor_user_id, happened_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
