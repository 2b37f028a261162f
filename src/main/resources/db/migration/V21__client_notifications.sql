-- Notifications to the client (docs/adr/0041): what the care team did that the client should know of (consent asked
-- for a referral; the program paused, resumed, changed or ended; a reply to their report). Each row names only its
-- kind and the referral or flag it is about: the page it links to shows the details, to the signed-in client.
create table notification (
    id          uuid          primary key,
    clinic_id   varchar(64)   not null references clinic (id),
    client_id   uuid          not null references client (id),
    kind        varchar(20)   not null check (kind in ('CONSENT_REQUESTED', 'PROGRAM_PAUSED', 'PROGRAM_RESUMED',
                                                       'PROGRAM_CHANGED', 'PROGRAM_ENDED', 'REPORT_ANSWERED',
                                                       'NOTE_SHARED')),
    subject_id  uuid,
    created_at  timestamptz   not null default now(),
    read_at     timestamptz
);
-- The client's list, newest first; the menu's unread count.
create index notification_list on notification (clinic_id, client_id, created_at);
create index notification_unread on notification (clinic_id, client_id) where read_at is null;

-- "Your clinic has an update in Backline": one waiting row per client, so a burst of changes sends one email.
create table notification_mail (
    id               uuid          primary key,
    clinic_id        varchar(64)   not null references clinic (id),
    client_id        uuid          not null references client (id),
    recipient_email  varchar(254)  not null,
    send_after       timestamptz   not null default now(),
    attempts         integer       not null default 0,
    last_error       varchar(500),
    sent_at          timestamptz,
    created_at       timestamptz   not null default now()
);
create unique index notification_mail_waiting on notification_mail (clinic_id, client_id) where sent_at is null;
create index notification_mail_due on notification_mail (clinic_id, send_after) where sent_at is null;

-- Clients who turned the notification emails off (settings page or one-click unsubscribe); in-app ones still show.
create table notification_mail_off (
    clinic_id  varchar(64)  not null references clinic (id),
    client_id  uuid         not null references client (id),
    primary key (clinic_id, client_id)
);
