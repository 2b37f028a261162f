-- Days without a session after which a client shows as disengaged on the trainer's dashboard.
alter table clinic add column disengaged_after_days integer not null default 7 check (disengaged_after_days between 1 and 90);

-- A clinic's programs. Each clinic gets its own copy of the built-in program, and may make adjusted copies.
create table program (
    id            uuid         primary key,
    clinic_id     varchar(64)  not null references clinic (id),
    built_in_key  varchar(80),
    created_at    timestamptz  not null default now()
);
create unique index program_one_built_in on program (clinic_id, built_in_key) where built_in_key is not null;

-- Versions are never edited: an edit writes a new version, so an assignment keeps exactly what it was given.
create table program_version (
    id                       uuid          primary key,
    clinic_id                varchar(64)   not null references clinic (id),
    program_id               uuid          not null references program (id),
    version                  integer       not null check (version > 0),
    title                    varchar(160)  not null,
    summary                  varchar(400)  not null,
    purpose                  text          not null,
    region_rule              text          not null,
    steps                    text          not null,
    cues                     text          not null,
    hold_guidance            text          not null,
    stop_rule                text          not null,
    when_to_see_professional text          not null,
    disclaimer               text          not null,
    level_names              text          not null,
    level_hints              text          not null,
    min_hold_seconds         integer       not null check (min_hold_seconds >= 30),
    max_hold_seconds         integer       not null check (max_hold_seconds <= 1800 and max_hold_seconds >= min_hold_seconds),
    created_at               timestamptz   not null default now(),
    created_by               uuid,
    unique (program_id, version)
);
create index program_version_clinic on program_version (clinic_id, program_id, version desc);

create table assignment (
    id                  uuid         primary key,
    clinic_id           varchar(64)  not null references clinic (id),
    client_id           uuid         not null references client (id),
    program_id          uuid         not null references program (id),
    program_version_id  uuid         not null references program_version (id),
    status              varchar(10)  not null check (status in ('ACTIVE', 'PAUSED', 'ENDED')),
    -- The hidden key of the form that created it: a double-submitted form creates one assignment.
    request_key         uuid         not null,
    created_by          uuid         not null references staff_member (id),
    created_at          timestamptz  not null default now(),
    ended_at            timestamptz
);
-- One assignment of a program per client at a time (an ended one may be followed by a new one).
create unique index assignment_one_open_per_program on assignment (client_id, program_id) where status <> 'ENDED';
create index assignment_clinic_client on assignment (clinic_id, client_id);
create unique index assignment_request_key on assignment (clinic_id, request_key);

-- Prescriptions are versioned too: a change adds a row, the history stays.
create table prescription (
    id                 uuid         primary key,
    clinic_id          varchar(64)  not null references clinic (id),
    assignment_id      uuid         not null references assignment (id),
    version            integer      not null check (version > 0),
    hold_seconds       integer      not null check (hold_seconds between 30 and 1800),
    levels             integer      not null check (levels between 1 and 6),
    sessions_per_week  integer      not null check (sessions_per_week between 1 and 14),
    start_date         date         not null,
    end_date           date,
    notes              varchar(2000),
    created_by         uuid         not null references staff_member (id),
    created_at         timestamptz  not null default now(),
    unique (assignment_id, version),
    check (end_date is null or end_date >= start_date)
);

-- What happened to an assignment, for its timeline and for adherence (paused days prescribe nothing).
create table assignment_event (
    id             uuid         primary key,
    clinic_id      varchar(64)  not null references clinic (id),
    assignment_id  uuid         not null references assignment (id),
    kind           varchar(12)  not null check (kind in ('ASSIGNED', 'CHANGED', 'PAUSED', 'RESUMED', 'ENDED')),
    reason         varchar(500),
    actor_user_id  uuid         not null,
    happened_at    timestamptz  not null default now(),
    effective_on   date         not null
);
create index assignment_event_assignment on assignment_event (assignment_id, happened_at);

-- One checked-off session per assignment and day; a second submit the same day corrects it.
create table session_log (
    id               uuid          primary key,
    clinic_id        varchar(64)   not null references clinic (id),
    assignment_id    uuid          not null references assignment (id),
    client_id        uuid          not null references client (id),
    performed_on     date          not null,
    hold_seconds     integer[]     not null,
    discomfort       integer       not null check (discomfort between 0 and 10),
    feeling          varchar(20)   not null,
    note             varchar(1000),
    -- The client said something got worse or felt unsafe: the symptom-flag feature picks these up.
    worse_or_unsafe  boolean       not null default false,
    idempotency_key  uuid          not null,
    recorded_at      timestamptz   not null default now(),
    corrected_at     timestamptz,
    unique (assignment_id, performed_on),
    unique (clinic_id, idempotency_key)
);
create index session_log_client_day on session_log (clinic_id, client_id, performed_on desc);
