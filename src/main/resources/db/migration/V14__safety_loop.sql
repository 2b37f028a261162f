-- The safety loop: a check-off's tick is a report, red flags are screened, resuming needs a recorded clearance.

-- Every safety message names the clinic's phone and how soon it answers; an admin fills both in the settings.
alter table clinic
    add column phone                varchar(30),
    add column answers_within_hours integer check (answers_within_hours between 1 and 72);

-- A clinic may stop earlier than the program's rule (red from 7), never later; urgent flags reach an admin within a day.
update clinic set red_severity = least(red_severity, 7), escalate_after_hours = least(escalate_after_hours, 24);
update clinic set amber_severity = least(amber_severity, red_severity - 1);
alter table clinic drop constraint clinic_red_severity_check,
    add constraint clinic_red_severity_check check (red_severity between 1 and 7),
    drop constraint clinic_escalate_after_hours_check,
    add constraint clinic_escalate_after_hours_check check (escalate_after_hours between 1 and 24);

-- The red-flag signs ticked on the report, where the flag came from, and the follow-up that added detail to a tick.
alter table symptom_flag
    add column signs              varchar(40)[] not null default '{}',
    add column source             varchar(12)   not null default 'FORM' check (source in ('FORM', 'CHECK_OFF', 'STAFF')),
    add column see_physician      boolean       not null default false,
    add column detailed_at        timestamptz,
    add column detail_request_key uuid;
update symptom_flag set source = 'STAFF' where reported_by_staff;
-- One tick, one flag: a correction or a retried check-off finds the flag already there.
create unique index symptom_flag_one_per_ticked_session on symptom_flag (clinic_id, session_id) where source = 'CHECK_OFF';

-- The pre-exercise questions; the newest answers count. The "yes" answers are kept by name.
create table screening (
    id                uuid          primary key,
    clinic_id         varchar(64)   not null references clinic (id),
    client_id         uuid          not null references client (id),
    yes_answers       varchar(40)[] not null,
    answered_by       uuid          not null,
    answered_by_staff boolean       not null,
    answered_at       timestamptz   not null default now(),
    request_key       uuid          not null,
    unique (clinic_id, request_key)
);
create index screening_client on screening (clinic_id, client_id, answered_at desc);
-- Read with the client's row on every "today" page: no extra statement to know whether the questions were answered.
alter table client add column screened_at timestamptz;

-- A health professional cleared the client to exercise: written by a trainer, or by the provider's answer to a referral.
create table clearance (
    id                uuid          primary key,
    clinic_id         varchar(64)   not null references clinic (id),
    client_id         uuid          not null references client (id),
    referral_id       uuid          references referral (id),
    professional_name varchar(160)  not null,
    professional_role varchar(30)   not null,
    cleared_on        date          not null,
    with_limits       boolean       not null default false,
    note              varchar(2000) not null,
    recorded_by       uuid,
    recorded_by_name  varchar(160)  not null,
    recorded_at       timestamptz   not null default now(),
    request_key       uuid          not null,
    unique (clinic_id, request_key)
);
create index clearance_client on clearance (clinic_id, client_id, recorded_at desc);

-- The provider's answer on whether the client may go back to the program.
alter table referral
    add column resume_answer      varchar(24) check (resume_answer in ('CLEARED', 'CLEARED_WITH_LIMITS', 'NOT_CLEARED')),
    add column resume_answered_at timestamptz;
