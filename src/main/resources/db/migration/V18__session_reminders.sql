-- Session reminders: what each client chose (days, time of day, quiet hours, email on or off), and the reminder
-- emails waiting to go out. A client without a row gets no reminders: saving the settings page turns them on.
create table reminder_settings (
    client_id        uuid          primary key references client (id),
    clinic_id        varchar(64)   not null references clinic (id),
    -- Day names, comma-separated, Monday first: MONDAY,WEDNESDAY,FRIDAY.
    days             varchar(70)   not null,
    remind_at        time          not null,
    quiet_from       time,
    quiet_until      time,
    email_on         boolean       not null default true,
    -- The last local day the planner looked at this client, and the last week (its Monday) nudged: once each.
    last_planned_on  date,
    last_nudged_week date,
    updated_at       timestamptz   not null default now()
);
-- The planner's due lookup: clients of one clinic with email on whose time of day has come.
create index reminder_settings_due on reminder_settings (clinic_id, remind_at) where email_on;

create table reminder_outbox (
    id              uuid          primary key,
    clinic_id       varchar(64)   not null references clinic (id),
    client_id       uuid          not null references client (id),
    kind            varchar(12)   not null check (kind in ('SESSION', 'MISSED_WEEK')),
    -- The local day a session reminder is for, or the Monday of the week a nudge is about.
    due_on          date          not null,
    recipient_email varchar(254)  not null,
    send_after      timestamptz   not null default now(),
    attempts        integer       not null default 0,
    last_error      varchar(500),
    sent_at         timestamptz,
    created_at      timestamptz   not null default now(),
    -- Never twice, whatever the planners on several instances decide.
    unique (client_id, kind, due_on)
);
create index reminder_outbox_due on reminder_outbox (clinic_id, send_after) where sent_at is null;
