-- The provider directory and closed-loop referrals.
-- pg_trgm finds names, practices and techniques by any part of a word; cube + earthdistance answer "within N km"
-- from a GiST index. All three ship with PostgreSQL and are trusted extensions (a database owner may create them).
create extension if not exists pg_trgm;
create extension if not exists cube;
create extension if not exists earthdistance;

-- Postal-code centroids for the Portland–Beaverton area, so distance needs no outside geocoder.
create table postal_code_centroid (
    postal_code  varchar(10)  primary key,
    city         varchar(80)  not null,
    latitude     double precision not null check (latitude between -90 and 90),
    longitude    double precision not null check (longitude between -180 and 180)
);

-- Shaped after FHIR Practitioner (name, credentials, languages), PractitionerRole (specialty, accepting clients,
-- hours) and Location (address, coordinates). owner_clinic_id null: the shared directory kept by the operator;
-- otherwise a clinic's private entry, seen only inside that clinic.
create table provider (
    id                        uuid          primary key,
    owner_clinic_id           varchar(64)   references clinic (id),
    full_name                 varchar(160)  not null,
    credentials               varchar(80),
    practice                  varchar(160),
    specialty                 varchar(30)   not null check (specialty in
                                  ('CHIROPRACTOR', 'MASSAGE_THERAPIST', 'PHYSICAL_THERAPIST', 'PHYSICIAN', 'OTHER')),
    techniques                varchar(500),
    address                   varchar(200)  not null,
    city                      varchar(80)   not null,
    neighbourhood             varchar(80),
    postal_code               varchar(10)   not null,
    latitude                  double precision not null check (latitude between -90 and 90),
    longitude                 double precision not null check (longitude between -180 and 180),
    phone                     varchar(40),
    email                     varchar(254),
    website                   varchar(254),
    accepting_new_clients     boolean       not null default true,
    accepts_trainer_referrals boolean       not null default true,
    languages                 varchar(200)  not null default 'English',
    insurance                 varchar(300),
    hours                     varchar(300),
    notes                     varchar(1000),
    demo                      boolean       not null default false,
    created_at                timestamptz   not null default now(),
    search_text               text generated always as (lower(full_name || ' ' || coalesce(practice, '') || ' '
                                  || coalesce(techniques, '') || ' ' || coalesce(credentials, ''))) stored
);
create index provider_search on provider using gin (search_text gin_trgm_ops);
create index provider_location on provider using gist (ll_to_earth(latitude, longitude));
create index provider_owner_specialty on provider (owner_clinic_id, specialty, full_name);
create index provider_city on provider (lower(city));
create index provider_neighbourhood on provider (lower(neighbourhood));

-- "Who we refer to": a clinic's favourites among the providers it can see.
create table favourite_provider (
    clinic_id    varchar(64)  not null references clinic (id),
    provider_id  uuid         not null references provider (id),
    primary key (clinic_id, provider_id)
);

-- A CSV import of private entries, processed in the background so a large file shows its progress.
create table provider_import (
    id             uuid         primary key,
    clinic_id      varchar(64)  not null references clinic (id),
    file_name      varchar(200) not null,
    status         varchar(12)  not null check (status in ('WAITING', 'RUNNING', 'DONE', 'FAILED')),
    total_rows     integer      not null default 0,
    processed_rows integer      not null default 0,
    imported_rows  integer      not null default 0,
    errors         text,
    content        text,
    created_by     uuid         not null,
    created_at     timestamptz  not null default now(),
    finished_at    timestamptz
);
create index provider_import_waiting on provider_import (status, created_at) where status in ('WAITING', 'RUNNING');

alter table clinic add column referral_ack_days integer not null default 5 check (referral_ack_days between 1 and 60);

create table referral (
    id                    uuid          primary key,
    clinic_id             varchar(64)   not null references clinic (id),
    client_id             uuid          not null references client (id),
    provider_id           uuid          not null references provider (id),
    created_by            uuid          not null references staff_member (id),
    reason                varchar(1000) not null,
    urgency               varchar(10)   not null check (urgency in ('ROUTINE', 'SOON', 'URGENT')),
    message               varchar(2000),
    share_program         boolean       not null default false,
    share_adherence       boolean       not null default false,
    share_sessions        boolean       not null default false,
    share_flags           boolean       not null default false,
    status                varchar(12)   not null check (status in
                              ('DRAFT', 'SENT', 'ACKNOWLEDGED', 'SCHEDULED', 'COMPLETED', 'DECLINED', 'CANCELLED')),
    appointment_on        date,
    provider_findings     varchar(4000),
    provider_recommendations varchar(4000),
    -- The provider's link: signed over (id, expiry, nonce); a new nonce or a revocation ends every earlier link.
    link_nonce            varchar(64),
    link_expires_at       timestamptz,
    link_revoked_at       timestamptz,
    sent_at               timestamptz,
    acknowledged_at       timestamptz,
    reminder_sent_at      timestamptz,
    request_key           uuid          not null,
    created_at            timestamptz   not null default now(),
    unique (clinic_id, request_key)
);
create index referral_client on referral (clinic_id, client_id, created_at desc);
create index referral_overdue on referral (clinic_id, status, sent_at) where status = 'SENT';

create table referral_flag (
    referral_id  uuid         not null references referral (id),
    flag_id      uuid         not null references symptom_flag (id),
    clinic_id    varchar(64)  not null references clinic (id),
    primary key (referral_id, flag_id)
);

-- The referral's timeline: every status change and every reply, with who and when.
create table referral_event (
    id           uuid          primary key,
    clinic_id    varchar(64)   not null references clinic (id),
    referral_id  uuid          not null references referral (id),
    status       varchar(12)   not null,
    actor_name   varchar(160)  not null,
    actor_kind   varchar(10)   not null check (actor_kind in ('STAFF', 'CLIENT', 'PROVIDER', 'SYSTEM')),
    note         varchar(500),
    happened_at  timestamptz   not null default now()
);
create index referral_event_referral on referral_event (referral_id, happened_at);

-- Consent to share a referral's packet with its provider: given by the client in their account, or recorded by a
-- trainer (how, when, by whom). Revoking it stops all access.
create table referral_consent (
    id              uuid          primary key,
    clinic_id       varchar(64)   not null references clinic (id),
    referral_id     uuid          not null references referral (id),
    client_id       uuid          not null references client (id),
    given_by        varchar(10)   not null check (given_by in ('CLIENT', 'STAFF')),
    method          varchar(40)   not null,
    recorded_by     varchar(160)  not null,
    given_at        timestamptz   not null,
    revoked_at      timestamptz,
    revoked_by      varchar(160),
    created_at      timestamptz   not null default now()
);
create unique index referral_consent_active on referral_consent (referral_id) where revoked_at is null;
