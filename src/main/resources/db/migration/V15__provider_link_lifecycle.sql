-- What the provider is shown, frozen when the referral is sent: the client consented to exactly this. The packet is
-- JSON written by the app (ReferralPacket.Packet). Erasure deletes the row.
create table referral_snapshot (
    referral_id  uuid          primary key references referral (id),
    clinic_id    varchar(64)   not null references clinic (id),
    client_name  varchar(160)  not null,
    packet       text          not null,
    taken_at     timestamptz   not null
);

-- Every reply a provider sends, in turn: a second reply no longer writes over the first. The referral's
-- provider_findings and provider_recommendations keep the latest words, as the export reads them.
create table referral_reply (
    id               uuid          primary key,
    clinic_id        varchar(64)   not null references clinic (id),
    referral_id      uuid          not null references referral (id),
    provider_name    varchar(160)  not null,
    findings         varchar(4000),
    recommendations  varchar(4000),
    resume_answer    varchar(24)   check (resume_answer in ('CLEARED', 'CLEARED_WITH_LIMITS', 'NOT_CLEARED')),
    completed        boolean       not null default false,
    received_at      timestamptz   not null default now()
);
create index referral_reply_referral on referral_reply (referral_id, received_at);

-- The reply each referral already holds becomes the first of its history.
insert into referral_reply (id, clinic_id, referral_id, provider_name, findings, recommendations, resume_answer,
                            completed, received_at)
select gen_random_uuid(), r.clinic_id, r.id, p.full_name, r.provider_findings, r.provider_recommendations,
       r.resume_answer, r.status = 'COMPLETED', coalesce(r.resume_answered_at, r.acknowledged_at, r.sent_at, r.created_at)
from referral r join provider p on p.id = r.provider_id
where r.provider_findings is not null or r.provider_recommendations is not null or r.resume_answer is not null;

-- A closed referral's link opens nothing from now on, as declining, completing and cancelling now ensure.
update referral set link_revoked_at = now()
where status in ('DECLINED', 'COMPLETED', 'CANCELLED') and link_nonce is not null and link_revoked_at is null;
