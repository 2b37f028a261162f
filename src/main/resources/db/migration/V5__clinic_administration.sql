-- Clinic administration: invitations, client profiles, deactivation and erasure.

-- Staff-only notes on a client, and the mark left when a client's personal data was erased on request.
alter table client
    add column notes     varchar(2000),
    add column erased_at timestamptz,
    alter column email drop not null;

alter table staff_member add column deactivated_at timestamptz;
alter table client add column deactivated_at timestamptz;

-- Lists search by name or email, case-insensitively, inside one clinic.
create index staff_member_clinic_email on staff_member (clinic_id, lower(email));
create index client_clinic_email on client (clinic_id, lower(email));

-- An invitation to join a clinic. The person's staff or client row exists from the start (so a trainer can prepare
-- a client's program before they first sign in); the invitation says whether they have accepted, i.e. signed in.
create table invitation (
    id                uuid         primary key,
    clinic_id         varchar(64)  not null references clinic (id),
    email             varchar(254) not null,
    full_name         varchar(160) not null,
    role              varchar(20)  not null check (role in ('clinic-admin', 'trainer', 'client')),
    user_id           uuid         not null,
    person_id         uuid         not null,
    -- true when Backline created the Keycloak account (it then carries a set-password link); false when the
    -- person already had an account (for another clinic) and only gained a membership.
    new_account       boolean      not null,
    status            varchar(12)  not null check (status in ('pending', 'accepted', 'revoked')),
    invited_by        uuid         not null,
    invited_by_name   varchar(160) not null,
    created_at        timestamptz  not null default now(),
    last_sent_at      timestamptz  not null default now(),
    times_sent        integer      not null default 1,
    request_key       uuid         not null,
    unique (clinic_id, request_key)
);
create unique index invitation_one_pending on invitation (clinic_id, lower(email)) where status = 'pending';
create index invitation_clinic_status on invitation (clinic_id, status, created_at desc);
create index invitation_user on invitation (clinic_id, user_id) where status = 'pending';
