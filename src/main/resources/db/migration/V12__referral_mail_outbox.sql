-- Referral emails (the provider's link, the author's reminder) wait here and go out from a background sender, so a
-- slow or absent mail server never holds a trainer's request or its transaction, and an outage delays mail but loses
-- none. Written in the same transaction as the referral's change.
create table referral_mail (
    id              uuid          primary key,
    clinic_id       varchar(64)   not null references clinic (id),
    referral_id     uuid          not null references referral (id),
    kind            varchar(12)   not null check (kind in ('PROVIDER', 'REMINDER')),
    recipient_email varchar(254)  not null,
    subject         varchar(200)  not null,
    -- Cleared once sent: the provider's link is a credential and is not kept at rest longer than needed.
    body            text,
    send_after      timestamptz   not null default now(),
    attempts        integer       not null default 0,
    last_error      varchar(500),
    sent_at         timestamptz,
    created_at      timestamptz   not null default now()
);
create index referral_mail_due on referral_mail (clinic_id, send_after) where sent_at is null;
create index referral_mail_referral on referral_mail (referral_id);
