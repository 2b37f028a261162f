-- One conversation per client between the client and their care team (docs/adr/0040). A message may point at one
-- of the client's sessions or flags; a trainer's flag note shared with the client becomes a message too.
create table message (
    id              uuid          primary key,
    clinic_id       varchar(64)   not null references clinic (id),
    client_id       uuid          not null references client (id),
    author_user_id  uuid          not null,
    author_name     varchar(160)  not null,
    from_client     boolean       not null,
    body            text          not null check (char_length(body) between 1 and 2000),
    session_id      uuid          references session_log (id),
    flag_id         uuid          references symptom_flag (id),
    flag_note_id    uuid          references flag_note (id),
    request_key     uuid          not null unique,
    written_at      timestamptz   not null default now()
);
-- The conversation in order, and the unread counts (messages after a reader's mark, by side).
create index message_conversation on message (clinic_id, client_id, written_at);

-- How far each participant has read a conversation; unread is what the other side wrote after it.
create table message_read (
    clinic_id   varchar(64)  not null references clinic (id),
    client_id   uuid         not null references client (id),
    user_id     uuid         not null,
    read_at     timestamptz  not null,
    primary key (clinic_id, user_id, client_id)
);

-- "You have a new message from <clinic>": one waiting row per recipient at a time, at most one sent an hour.
create table message_mail (
    id                 uuid          primary key,
    clinic_id          varchar(64)   not null references clinic (id),
    recipient_user_id  uuid          not null,
    recipient_email    varchar(254)  not null,
    send_after         timestamptz   not null default now(),
    attempts           integer       not null default 0,
    last_error         varchar(500),
    sent_at            timestamptz,
    created_at         timestamptz   not null default now()
);
create unique index message_mail_waiting on message_mail (clinic_id, recipient_user_id) where sent_at is null;
create index message_mail_due on message_mail (clinic_id, send_after) where sent_at is null;
create index message_mail_last_sent on message_mail (clinic_id, recipient_user_id, sent_at) where sent_at is not null;

-- A trainer's note on a flag may be shared with the client: it then shows in their conversation.
alter table flag_note add column shared_with_client boolean not null default false;

-- People who turned the "new message" email off (until the reminders' unsubscribe covers these emails too).
create table message_mail_off (
    clinic_id  varchar(64)  not null references clinic (id),
    user_id    uuid         not null,
    primary key (clinic_id, user_id)
);
