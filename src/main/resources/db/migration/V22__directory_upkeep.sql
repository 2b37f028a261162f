-- Keeping the directory true in production (docs/adr/0046): when each listing was last confirmed, the operator's loads
-- of the shared directory, what each change of a listing was and who made it, and the emails that carry a provider's
-- link to update their own listing.

-- A listing is confirmed when it is loaded or imported, and whenever its provider saves it through their link.
alter table provider add column confirmed_at timestamptz;
update provider set confirmed_at = created_at;
alter table provider alter column confirmed_at set not null;
alter table provider alter column confirmed_at set default now();
-- At most one update link an hour per listing, whichever clinic asked: the last request is kept on the listing.
alter table provider add column update_link_requested_at timestamptz;

-- An operator's CSV load into the shared directory, with its refusals: also the record of who loaded what.
create table shared_directory_load (
    id              uuid          primary key,
    file_name       varchar(200)  not null,
    loaded_by       uuid          not null,
    loaded_by_name  varchar(160)  not null,
    loaded_at       timestamptz   not null default now(),
    imported_rows   integer       not null,
    refused_rows    integer       not null,
    errors          text
);
create index shared_directory_load_recent on shared_directory_load (loaded_at desc);

-- Every change a provider makes to their listing through their link: who, what (before → after), when.
create table listing_change (
    id          uuid          primary key,
    provider_id uuid          not null references provider (id),
    changed_by  varchar(300)  not null,
    changes     varchar(2000) not null,
    changed_at  timestamptz   not null
);
create index listing_change_by_provider on listing_change (provider_id, changed_at);

-- "Update your listing": sent to the listing's own address, with a signed link made when the email leaves. How
-- often is kept by provider.update_link_requested_at, read under the listing's row lock, whichever clinic asks.
create table listing_mail (
    id               uuid          primary key,
    clinic_id        varchar(64)   not null references clinic (id),
    provider_id      uuid          not null references provider (id),
    recipient_email  varchar(254)  not null,
    send_after       timestamptz   not null default now(),
    attempts         integer       not null default 0,
    last_error       varchar(500),
    sent_at          timestamptz,
    created_at       timestamptz   not null default now()
);
create index listing_mail_due on listing_mail (clinic_id, send_after) where sent_at is null;
