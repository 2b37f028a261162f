-- A client's calendar subscription: the address's secret is kept only as its SHA-256, so a copy of the database opens
-- no one's calendar. Replacing the address revokes the old row and adds a new one; erasure deletes the rows.
create table calendar_feed (
    id            uuid          primary key,
    clinic_id     varchar(64)   not null references clinic (id),
    client_id     uuid          not null references client (id),
    token_hash    varchar(64)   not null,
    created_at    timestamptz   not null default now(),
    revoked_at    timestamptz,
    -- The clinic's day on which a fetch was last audited: phones poll often, the trail records one read a day.
    last_read_on  date
);
-- The feed is found by its secret alone, before the clinic is known.
create unique index calendar_feed_token on calendar_feed (token_hash);
-- At most one live address per client.
create unique index calendar_feed_live on calendar_feed (clinic_id, client_id) where revoked_at is null;
