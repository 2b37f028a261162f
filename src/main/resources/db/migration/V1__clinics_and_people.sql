-- A clinic is a tenant; its id is the alias of its Keycloak organization, which Keycloak never changes.
create table clinic (
    id          varchar(64)  primary key,
    name        varchar(120) not null,
    city        varchar(80)  not null,
    timezone    varchar(64)  not null default 'America/Los_Angeles',
    created_at  timestamptz  not null default now()
);

-- user_id is the Keycloak subject; one person in two clinics has one row in each.
create table staff_member (
    id          uuid         primary key,
    clinic_id   varchar(64)  not null references clinic (id),
    user_id     uuid         not null,
    full_name   varchar(160) not null,
    email       varchar(254) not null,
    role        varchar(20)  not null check (role in ('clinic-admin', 'trainer')),
    active      boolean      not null default true,
    created_at  timestamptz  not null default now(),
    unique (clinic_id, user_id)
);
create index staff_member_clinic_name on staff_member (clinic_id, full_name);

create table client (
    id              uuid         primary key,
    clinic_id       varchar(64)  not null references clinic (id),
    user_id         uuid,
    full_name       varchar(160) not null,
    preferred_name  varchar(80),
    email           varchar(254) not null,
    phone           varchar(40),
    active          boolean      not null default true,
    created_at      timestamptz  not null default now(),
    unique (clinic_id, user_id)
);
create index client_clinic_name on client (clinic_id, full_name);

-- Who may see a client: the trainers on their care team (one of them leads) and the clinic's admins.
create table care_team_member (
    clinic_id        varchar(64) not null references clinic (id),
    client_id        uuid        not null references client (id),
    staff_member_id  uuid        not null references staff_member (id),
    lead             boolean     not null default false,
    primary key (client_id, staff_member_id)
);
create index care_team_member_staff on care_team_member (clinic_id, staff_member_id);
create unique index care_team_one_lead on care_team_member (client_id) where lead;
