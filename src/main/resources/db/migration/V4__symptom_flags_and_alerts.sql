-- The flag thresholds of the decision table, per clinic (defaults are the program's own safety rule).
alter table clinic
    add column red_severity        integer not null default 7 check (red_severity between 1 and 10),
    add column amber_severity      integer not null default 4 check (amber_severity between 0 and 10),
    add column pain_rise           integer not null default 2 check (pain_rise between 1 and 10),
    add column discomfort_rise     integer not null default 2 check (discomfort_rise between 1 and 10),
    add column ambers_for_red      integer not null default 3 check (ambers_for_red between 1 and 10),
    add column amber_window_days   integer not null default 7 check (amber_window_days between 1 and 60),
    add column escalate_after_hours integer not null default 24 check (escalate_after_hours between 1 and 720),
    add column alert_emails        boolean not null default true;

create table symptom_flag (
    id                 uuid          primary key,
    clinic_id          varchar(64)   not null references clinic (id),
    client_id          uuid          not null references client (id),
    assignment_id      uuid          references assignment (id),
    session_id         uuid          references session_log (id),
    type               varchar(30)   not null,
    severity           integer       not null check (severity between 0 and 10),
    region             varchar(20)   not null,
    occurred           varchar(20)   not null,
    loss_of_balance    boolean       not null default false,
    pain_before        integer       check (pain_before between 0 and 10),
    description        varchar(2000),
    level              varchar(10)   not null check (level in ('EMERGENCY', 'RED', 'AMBER', 'GREEN')),
    explanation        varchar(1000) not null,
    status             varchar(12)   not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    paused_assignment  boolean       not null default false,
    reported_by        uuid          not null,
    reported_by_staff  boolean       not null default false,
    request_key        uuid          not null,
    reported_at        timestamptz   not null default now(),
    acknowledged_at    timestamptz,
    acknowledged_by    uuid,
    resolved_at        timestamptz,
    resolved_by        uuid,
    escalated_at       timestamptz,
    unique (clinic_id, request_key)
);
create index symptom_flag_open on symptom_flag (clinic_id, status, level, reported_at) where status <> 'RESOLVED';
create index symptom_flag_client on symptom_flag (clinic_id, client_id, reported_at desc);

create table flag_note (
    id             uuid          primary key,
    clinic_id      varchar(64)   not null references clinic (id),
    flag_id        uuid          not null references symptom_flag (id),
    author_user_id uuid          not null,
    author_name    varchar(160)  not null,
    kind           varchar(16)   not null,
    text           varchar(2000),
    written_at     timestamptz   not null default now()
);
create index flag_note_flag on flag_note (flag_id, written_at);

-- Alerts are written in the same transaction as their flag and sent later, with retries: never lost.
create table alert_outbox (
    id              uuid          primary key,
    clinic_id       varchar(64)   not null references clinic (id),
    flag_id         uuid          not null references symptom_flag (id),
    recipient_email varchar(254)  not null,
    urgency         varchar(10)   not null check (urgency in ('URGENT', 'NORMAL', 'ESCALATION')),
    send_after      timestamptz   not null default now(),
    attempts        integer       not null default 0,
    last_error      varchar(500),
    sent_at         timestamptz,
    created_at      timestamptz   not null default now()
);
create index alert_outbox_due on alert_outbox (send_after) where sent_at is null;

-- The hand-over from a flag to the referral feature: a draft with the suggested kind of provider.
create table referral_draft (
    id                 uuid          primary key,
    clinic_id          varchar(64)   not null references clinic (id),
    client_id          uuid          not null references client (id),
    flag_id            uuid          references symptom_flag (id),
    suggested_specialty varchar(30)  not null,
    reason             varchar(1000),
    created_by         uuid          not null,
    created_at         timestamptz   not null default now()
);
