-- Backline benchmark data: a realistic volume, deterministic from a seed, in bulk (generate_series), in about a minute.
--
--   psql -v ON_ERROR_STOP=1 -v seed=42 -v program_json="$(cat src/main/resources/program/thoracic-foam-roller-extension.json)" \
--        -h 127.0.0.1 -p 56432 -U backline -d backline -f deploy/bench/generate.sql
--
-- Run it on a database Flyway has migrated (start the app once) and that holds no people yet. It loads the demo
-- clinics and directory (src/main/resources/db/demo, whose people are Keycloak's demo users), then adds:
--   20 clinics (rose-city, cedar-hills + 18 synthetic), 50 trainers, 2,000 clients, one program assignment each,
--   about 300,000 sessions over two years (and their audit rows), 20,000 symptom flags (with notes and sent alerts),
--   5,000 referrals (timeline, consent, linked flags) and 10,000 directory providers in all.
-- The people the benchmark signs in as:
--   rose-trainer  leads 50 clients (rose-client1, 2, 3, 5 and 46 generated ones)        -> "many" dashboard
--   rose-trainer2 leads 1 client (rose-client4: 1 session, 1 open flag)                  -> "one" dashboard
--   rose-client1  two years of sessions (~3 a week)                                      -> "today", client page
--   cedar-client2..5  an assignment whose prescription starts 20,000 days ago and no sessions; run.sh gives its 40
--                     check-off clients assignments like these, so each POST saves a new session (201).
-- Every random choice comes from hashtextextended(key, seed): the same seed gives the same rows (ids included),
-- whatever the query plan. Dates are relative to the day it runs (America/Los_Angeles, the clinics' time zone).
\set ON_ERROR_STOP on
\if :{?seed}
\else
\set seed 42
\endif
\if :{?program_json}
\else
\echo 'Pass the built-in program: -v program_json="$(cat src/main/resources/program/thoracic-foam-roller-extension.json)"'
\quit
\endif
\pset footer off
set client_min_messages = warning;
set timezone = 'America/Los_Angeles';
set synchronous_commit = off;
set max_parallel_workers_per_gather = 0;
set work_mem = '64MB';
select set_config('bench.seed', :'seed', false) as seed, clock_timestamp() as t0 \gset

do $$
begin
    if exists (select 1 from client) or exists (select 1 from session_log) then
        raise exception 'The database already holds clients: generate into a freshly migrated database.';
    end if;
end $$;

-- u(key): a uniform number in [0, 1) from the key and the seed. pick(array, key): one element.
create function pg_temp.u(k text) returns double precision language sql stable as $$
    select ((hashtextextended(k, current_setting('bench.seed')::bigint) >> 11) & 9007199254740991)::double precision
           / 9007199254740992.0 $$;
create function pg_temp.pick(a text[], k text) returns text language sql stable as $$
    select a[1 + floor(pg_temp.u(k) * cardinality(a))::int] $$;
create function pg_temp.id(k text) returns uuid language sql immutable as $$
    select md5('backline-bench/' || k)::uuid $$;

begin;

-- ---- the demo clinics and their people (Keycloak's demo users), and the demo directory --------------------------
\ir ../../src/main/resources/db/demo/R__demo_clinics.sql
\ir ../../src/main/resources/db/demo/R__demo_directory.sql
-- rose-trainer leads clients 1, 2, 3 and 5; rose-trainer2 only client 4 (the "one item" pages).
update care_team_member set staff_member_id = '7b3b8c8f-a73a-5d3c-9c8b-ff39cfcd4f7c'
where client_id = 'd6342c87-bb90-58ad-9ff1-0feffdaab509' and staff_member_id = '3971f358-f589-540f-b031-8272c4cf0df8';

create temporary table names as
select array['Alex','Sam','Robin','Casey','Jordan','Taylor','Riley','Quinn','Avery','Drew','Morgan','Jamie','Charlie',
             'Emerson','Hayden','Parker','Reese','Rowan','Sage','Skyler','Dakota','Elliot','Finley','Harper','Kendall',
             'Logan','Marlowe','Noel','Oakley','Peyton','Remy','Shawn','Tatum','Wren','Ari','Blair','Cameron','Devon',
             'Eden','Frankie','Gray','Indy','Jules','Kai','Lane','Milan','Nico','Ollie','Paz','Rory'] as first_names,
       array['Morgan','Lindqvist','Nakamura','Dubois','Alvarez','Kim','Okonkwo','Larsen','Moreau','Patel','Nguyen',
             'Garcia','Smith','Johansson','Haddad','Kowalski','Okafor','Reyes','Shah','Holloway','Brandt','Castillo',
             'Tanaka','Schmidt','Rossi','Novak','Silva','Fischer','Ivanova','Murphy','O''Neill','Bianchi','Costa',
             'Svensson','Yamamoto','Chen','Park','Singh','Adeyemi','Mensah','Dimitrov','Horvat','Lopez','Martin',
             'Walker','Young','Zhou','Ali','Berg','Cruz'] as last_names;

-- ---- 18 more clinics, each with an admin and two or three trainers (50 trainers in all) --------------------------
insert into clinic (id, name, city, created_at)
select 'bench-' || lpad(n::text, 2, '0'),
       (array['Alder Street','Burnside','Hawthorne','Sellwood','Mississippi','Division','Foster','Kenton','Montavilla',
              'Multnomah','Raleigh Hills','Orenco','Tualatin River','Lake Grove','Washington Square','Aloha',
              'Forest Grove','Happy Valley'])[n - 2]
           || pg_temp.pick(array[' Movement',' Strength',' Mobility',' Training Studio',' Performance'], 'clinic-name' || n),
       (array['Portland','Portland','Portland','Portland','Portland','Portland','Portland','Portland','Portland',
              'Portland','Beaverton','Hillsboro','Tualatin','Lake Oswego','Tigard','Beaverton','Forest Grove',
              'Happy Valley'])[n - 2],
       now() - interval '3 years'
from generate_series(3, 20) n;

create temporary table bench_staff as
select pg_temp.id('staff/' || t) id, 'bench-' || lpad((3 + (t - 1) % 18)::text, 2, '0') clinic_id,
       pg_temp.id('staff-user/' || t) user_id, t,
       pg_temp.pick((select first_names from names), 'staff-first' || t) || ' '
           || pg_temp.pick((select last_names from names), 'staff-last' || t) full_name
from generate_series(1, 46) t;

insert into staff_member (id, clinic_id, user_id, full_name, email, role, created_at)
select id, clinic_id, user_id, full_name, 'trainer' || t || '@' || clinic_id || '.example', 'trainer', now() - interval '3 years'
from bench_staff
union all
select pg_temp.id('admin/' || n), 'bench-' || lpad(n::text, 2, '0'), pg_temp.id('admin-user/' || n),
       pg_temp.pick((select first_names from names), 'admin-first' || n) || ' ' || pg_temp.pick((select last_names from names), 'admin-last' || n),
       'admin@bench-' || lpad(n::text, 2, '0') || '.example', 'clinic-admin', now() - interval '3 years'
from generate_series(3, 20) n;

-- ---- 1,990 more clients (2,000 in all): 46 for rose-trainer, the rest led by the synthetic trainers -------------
create temporary table bench_client as
select pg_temp.id('client/' || c) id, c,
       case when c <= 46 then 'rose-city' else s.clinic_id end clinic_id,
       case when c <= 46 then '7b3b8c8f-a73a-5d3c-9c8b-ff39cfcd4f7c'::uuid else s.id end lead_id,
       pg_temp.id('client-user/' || c) user_id,
       pg_temp.pick((select first_names from names), 'client-first' || c) first_name,
       pg_temp.pick((select last_names from names), 'client-last' || c) last_name
from generate_series(1, 1990) c
left join bench_staff s on s.t = 1 + (c - 47) % 46 and c > 46;

insert into client (id, clinic_id, user_id, full_name, preferred_name, email, phone, created_at)
select id, clinic_id, user_id, first_name || ' ' || last_name, case when pg_temp.u('pref' || c) < 0.3 then first_name end,
       lower(first_name) || '.' || lower(replace(last_name, '''', '')) || c || '@client.example',
       case when pg_temp.u('phone' || c) < 0.7 then '503-555-' || lpad((c % 10000)::text, 4, '0') end,
       now() - interval '2 years'
from bench_client;

insert into care_team_member (clinic_id, client_id, staff_member_id, lead)
select clinic_id, id, lead_id, true from bench_client;
-- A second trainer on a fifth of the synthetic clinics' care teams.
insert into care_team_member (clinic_id, client_id, staff_member_id, lead)
select c.clinic_id, c.id, o.id, false
from bench_client c
join lateral (select s.id from bench_staff s where s.clinic_id = c.clinic_id and s.id <> c.lead_id order by s.t limit 1) o on true
where c.c > 46 and pg_temp.u('second-trainer' || c.c) < 0.2;

-- Every client answered the pre-exercise questions with no "yes" (their first "today" would ask otherwise).
update client set screened_at = created_at where screened_at is null;

-- ---- the built-in program in every clinic (what BuiltInProgramSeeder does at start, from the same JSON) ----------
create temporary table program_json as select (:'program_json')::jsonb j;
insert into program (id, clinic_id, built_in_key, created_at)
select pg_temp.id('program/' || c.id), c.id, j ->> 'key', now() - interval '3 years' from clinic c, program_json;
insert into program_version (id, clinic_id, program_id, version, title, summary, purpose, region_rule, steps, cues,
                             hold_guidance, stop_rule, when_to_see_professional, disclaimer, level_names, level_hints,
                             min_hold_seconds, max_hold_seconds, created_at)
select pg_temp.id('program-version/' || c.id), c.id, pg_temp.id('program/' || c.id), 1, j ->> 'title', j ->> 'summary',
       j ->> 'purpose', j ->> 'regionRule',
       array_to_string(array(select jsonb_array_elements_text(j -> 'steps')), E'\n'),
       array_to_string(array(select jsonb_array_elements_text(j -> 'cues')), E'\n'),
       j ->> 'holdGuidance', j ->> 'stopRule', j ->> 'whenToSeeAProfessional', j ->> 'disclaimer',
       array_to_string(array(select jsonb_array_elements_text(j -> 'levelNames')), E'\n'),
       array_to_string(array(select jsonb_array_elements_text(j -> 'levelHints')), E'\n'),
       (j ->> 'minHoldSeconds')::int, (j ->> 'maxHoldSeconds')::int, now() - interval '3 years'
from clinic c, program_json;

-- ---- one assignment per client: its plan decides the prescription, the events and the sessions ------------------
create temporary table people as
select c.id client_id, c.clinic_id, c.user_id, c.full_name, m.staff_member_id lead_id, s.user_id lead_user_id,
       s.full_name lead_name, s.email lead_email,
       case c.email when 'rose-client1@rosecitymovement.example' then 'long'
                    when 'rose-client4@rosecitymovement.example' then 'one'
                    when 'cedar-client2@cedarhillsstrength.example' then 'post'
                    when 'cedar-client3@cedarhillsstrength.example' then 'post'
                    when 'cedar-client4@cedarhillsstrength.example' then 'post'
                    when 'cedar-client5@cedarhillsstrength.example' then 'post'
                    else 'normal' end kind
from client c
join care_team_member m on m.client_id = c.id and m.lead
join staff_member s on s.id = m.staff_member_id;

create temporary table plan as
select p.*, pg_temp.id('assignment/' || p.client_id) assignment_id,
       pg_temp.id('program/' || p.clinic_id) program_id, pg_temp.id('program-version/' || p.clinic_id) version_id,
       case p.kind when 'long' then current_date - 730 when 'one' then current_date - 14 when 'post' then current_date - 20000
                   else current_date - 180 - floor(pg_temp.u('start' || p.client_id) * 551)::int end start_on,
       case when p.kind <> 'normal' then 'ACTIVE'
            when pg_temp.u('status' || p.client_id) < 0.08 then 'ENDED'
            when pg_temp.u('status' || p.client_id) < 0.13 then 'PAUSED' else 'ACTIVE' end status,
       case when p.kind = 'normal' then 2 + floor(pg_temp.u('levels' || p.client_id) * 3)::int else 3 end levels,
       case when p.kind = 'normal' then 60 + 15 * floor(pg_temp.u('hold' || p.client_id) * 9)::int else 90 end hold,
       case when p.kind = 'normal' then (array[2, 3, 3, 4, 5])[1 + floor(pg_temp.u('spw' || p.client_id) * 5)::int] else 3 end spw,
       case p.kind when 'long' then 0.9 when 'normal' then 0.45 + 0.55 * pg_temp.u('adherence' || p.client_id) else 0 end adherence,
       pg_temp.u('changed' || p.client_id) < 0.2 and p.kind = 'normal' changed
from people p;
alter table plan add column stop_on date, add column changed_on date;
-- Ended programs stopped 10 to 120 days ago, paused ones 3 to 40 days ago (no sessions since); all at least 30 days in.
update plan set stop_on = greatest(start_on + 30, current_date - 10 - floor(pg_temp.u('ended' || client_id) * 110)::int)
where status = 'ENDED';
update plan set stop_on = greatest(start_on + 30, current_date - 3 - floor(pg_temp.u('paused' || client_id) * 37)::int)
where status = 'PAUSED';
update plan set changed_on = start_on + (coalesce(stop_on, current_date) - start_on) / 2 where changed;

insert into assignment (id, clinic_id, client_id, program_id, program_version_id, status, request_key, created_by,
                        created_at, ended_at)
select assignment_id, clinic_id, client_id, program_id, version_id, status, pg_temp.id('assignment-key/' || client_id),
       lead_id, start_on + time '09:00', case when status = 'ENDED' then stop_on + time '09:00' end
from plan;

insert into prescription (id, clinic_id, assignment_id, version, hold_seconds, levels, sessions_per_week, start_date,
                          end_date, notes, created_by, created_at)
select pg_temp.id('prescription/' || client_id), clinic_id, assignment_id, 1, hold, levels, spw, start_on, null::date,
       case when pg_temp.u('rx-note' || client_id) < 0.3 then 'Go gently the first two weeks; stop if anything tingles.' end,
       lead_id, start_on + time '09:00'
from plan
union all
select pg_temp.id('prescription-2/' || client_id), clinic_id, assignment_id, 2, least(hold + 30, 1800), levels,
       least(spw + 1, 5), start_on, null, 'Progressed: longer holds.', lead_id, changed_on + time '10:00'
from plan where changed;

insert into assignment_event (id, clinic_id, assignment_id, kind, reason, actor_user_id, happened_at, effective_on)
select pg_temp.id('event-assigned/' || client_id), clinic_id, assignment_id, 'ASSIGNED', null, lead_user_id,
       start_on + time '09:00', start_on from plan
union all
select pg_temp.id('event-changed/' || client_id), clinic_id, assignment_id, 'CHANGED', null, lead_user_id,
       changed_on + time '10:00', changed_on from plan where changed
union all
select pg_temp.id('event-stop/' || client_id), clinic_id, assignment_id, case status when 'ENDED' then 'ENDED' else 'PAUSED' end,
       case status when 'ENDED' then 'Finished the block.' else 'Away for a few weeks.' end, lead_user_id,
       stop_on + time '09:00', stop_on from plan where status in ('ENDED', 'PAUSED');

-- ---- about 300,000 sessions: each day from the start to yesterday (or the stop), with the client's adherence --------
insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds, discomfort, feeling, note,
                         worse_or_unsafe, idempotency_key, recorded_at)
select pg_temp.id('session/' || p.client_id || '/' || d), p.clinic_id, p.assignment_id, p.client_id, d,
       array(select greatest(0, p.hold - 20 + floor(pg_temp.u('hold' || p.client_id || d || l) * 41)::int)
             from generate_series(1, p.levels) l order by l),
       floor(pg_temp.u('discomfort' || p.client_id || d) ^ 2 * 7)::int,
       pg_temp.pick(array['EASY', 'GOOD', 'GOOD', 'GOOD', 'INTENSE', 'HARD'], 'feeling' || p.client_id || d),
       case when pg_temp.u('note' || p.client_id || d) < 0.08
            then pg_temp.pick(array['Felt looser afterwards.', 'Tight between the shoulder blades today.',
                                    'Did it after work, a bit tired.', 'Easier than last week.',
                                    'Used the softer roller.'], 'note-text' || p.client_id || d) end,
       false, pg_temp.id('session-key/' || p.client_id || '/' || d),
       d + time '18:00' + floor(pg_temp.u('at' || p.client_id || d) * 240) * interval '1 minute'
from plan p
cross join lateral generate_series(p.start_on, coalesce(p.stop_on - 1, current_date - 1), interval '1 day') g(day)
cross join lateral (select g.day::date d) dd
where p.kind in ('normal', 'long') and pg_temp.u('did' || p.client_id || d) < p.spw / 7.0 * p.adherence;
-- rose-client4: exactly one session, two days ago.
insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds, discomfort, feeling,
                         worse_or_unsafe, idempotency_key, recorded_at)
select pg_temp.id('session/' || client_id || '/one'), clinic_id, assignment_id, client_id, current_date - 2,
       array[90, 85, 80], 3, 'GOOD', false, pg_temp.id('session-key/' || client_id || '/one'),
       (current_date - 2) + time '18:30'
from plan where kind = 'one';

-- Audit rows are chained per clinic (V17, V28). The chain's triggers run one statement per row here, and each
-- statement writes the clinic's head; inside one transaction each write walks the versions the earlier ones left:
-- over 300,000 rows that takes many minutes. So the rows are made in a scratch table and chained here in one pass,
-- exactly as the triggers would, with the head written once per clinic.
create temporary table audit_new (like audit_event including defaults);
alter table audit_new alter column seq drop not null, alter column row_hash drop not null;
-- Every check-off leaves an audit row, as the app does.
insert into audit_new (id, clinic_id, client_id, actor_user_id, actor_name, action, detail, request_id, happened_at)
select pg_temp.id('audit/' || s.id), s.clinic_id, s.client_id, coalesce(p.user_id, p.lead_user_id), p.full_name,
       'checked off session', s.performed_on::text, substr(md5('request/' || s.id), 1, 16), s.recorded_at
from session_log s join plan p on p.assignment_id = s.assignment_id;
-- And the trainer looks at the client's progress about once a week.
insert into audit_new (id, clinic_id, client_id, actor_user_id, actor_name, action, detail, request_id, happened_at)
select pg_temp.id('audit-view/' || p.client_id || '/' || w), p.clinic_id, p.client_id, p.lead_user_id, p.lead_name,
       'viewed progress', null, substr(md5('request-view/' || p.client_id || w), 1, 16),
       p.start_on + w * 7 + time '12:00'
from plan p cross join lateral generate_series(0, (coalesce(p.stop_on, current_date) - p.start_on) / 7) w
where p.kind in ('normal', 'long', 'one') and p.start_on + w * 7 < current_date;

alter table audit_event disable trigger user;
do $$
declare
    e audit_event;
    last_clinic varchar(64);
    last_seq bigint;
    last_hash bytea;
begin
    for e in select * from audit_new order by clinic_id, happened_at, id loop
        if last_clinic is distinct from e.clinic_id then
            if last_clinic is not null then
                update audit_chain_head set seq = last_seq, row_hash = last_hash where clinic_id = last_clinic;
            end if;
            last_clinic := e.clinic_id;
            select h.seq, h.row_hash into last_seq, last_hash from audit_chain_head h where h.clinic_id = e.clinic_id;
            if not found then
                insert into audit_chain_head (clinic_id, seq, row_hash) values (e.clinic_id, 0, null);
                last_seq := 0;
                last_hash := null;
            end if;
        end if;
        e.seq := last_seq + 1;
        e.prev_hash := last_hash;
        e.row_hash := audit_event_hash(e);
        insert into audit_event select (e).*;
        last_seq := e.seq;
        last_hash := e.row_hash;
    end loop;
    if last_clinic is not null then
        update audit_chain_head set seq = last_seq, row_hash = last_hash where clinic_id = last_clinic;
    end if;
end;
$$;
alter table audit_event enable trigger user;

-- ---- 20,000 symptom flags: 19,999 from sampled sessions (70 % linked to the session), plus rose-client4's one ------
create temporary table flag_pick as
select s.id session_id, s.clinic_id, s.client_id, s.assignment_id, s.recorded_at + interval '5 minutes' reported_at,
       pg_temp.u('flag-level' || s.id) lu, pg_temp.u('flag-status' || s.id) su, pg_temp.u('flag-sev' || s.id) vu
from session_log s join plan p on p.assignment_id = s.assignment_id and p.kind in ('normal', 'long')
order by pg_temp.u('flag-pick' || s.id)
limit 19999;

insert into symptom_flag (id, clinic_id, client_id, assignment_id, session_id, type, severity, region, occurred,
                          loss_of_balance, pain_before, description, level, explanation, status, paused_assignment,
                          reported_by, reported_by_staff, request_key, reported_at, acknowledged_at, acknowledged_by,
                          resolved_at, resolved_by)
select pg_temp.id('flag/' || f.session_id), f.clinic_id, f.client_id, f.assignment_id,
       case when pg_temp.u('flag-linked' || f.session_id) < 0.7 then f.session_id end,
       v.type, v.severity, v.region, pg_temp.pick(array['DURING', 'AFTER', 'LATER_THAT_DAY'], 'flag-when' || f.session_id),
       false, case when pg_temp.u('flag-pain' || f.session_id) < 0.5 then greatest(0, v.severity - 2) end,
       case when pg_temp.u('flag-desc' || f.session_id) < 0.3 then 'It came on near the end of the second level.' end,
       v.level, v.explanation, st.status, v.level in ('RED', 'EMERGENCY') and st.status = 'OPEN' and p.status = 'PAUSED',
       coalesce(p.user_id, p.lead_user_id), false, pg_temp.id('flag-key/' || f.session_id), f.reported_at,
       case when st.status <> 'OPEN' then f.reported_at + interval '3 hours' end,
       case when st.status <> 'OPEN' then p.lead_user_id end,
       case when st.status = 'RESOLVED' then f.reported_at + interval '2 days' end,
       case when st.status = 'RESOLVED' then p.lead_user_id end
from flag_pick f
join plan p on p.assignment_id = f.assignment_id
cross join lateral (select case when f.lu < 0.03 then 'EMERGENCY' when f.lu < 0.20 then 'RED'
                                when f.lu < 0.60 then 'AMBER' else 'GREEN' end level) l
cross join lateral (select l.level,
        case l.level when 'EMERGENCY' then 'CHEST_PAIN_OR_BREATHING'
                     when 'RED' then pg_temp.pick(array['NUMBNESS_OR_TINGLING', 'DIZZINESS', 'FELT_UNSAFE', 'HEADACHE_OR_NECK_PAIN'], 'flag-type' || f.session_id)
                     when 'AMBER' then pg_temp.pick(array['INCREASED_PAIN', 'PAIN_SPREADING'], 'flag-type' || f.session_id)
                     else pg_temp.pick(array['INCREASED_PAIN', 'OTHER'], 'flag-type' || f.session_id) end type,
        case l.level when 'EMERGENCY' then 5 + floor(f.vu * 6)::int when 'RED' then 2 + floor(f.vu * 8)::int
                     when 'AMBER' then 4 + floor(f.vu * 3)::int else 1 + floor(f.vu * 3)::int end severity,
        pg_temp.pick(array['UPPER_THORACIC', 'MIDDLE_THORACIC', 'MIDDLE_THORACIC', 'LOWER_THORACIC', 'SHOULDER_OR_ARM'], 'flag-region' || f.session_id) region) t0
cross join lateral (select t0.level, t0.type, t0.severity, t0.region,
        case t0.level when 'EMERGENCY' then 'Call 911 now: chest pain or trouble breathing was reported.'
                      when 'RED' then 'Paused because ' || lower(replace(t0.type, '_', ' ')) || ' was reported.'
                      when 'AMBER' then 'Needs review because severity ' || t0.severity || ' is in the caution range (4–6).'
                      else 'Recorded: discomfort up to 3 is expected at first.' end explanation) v
cross join lateral (select case
        when f.reported_at < now() - interval '30 days' then case when f.su < 0.05 then 'OPEN' when f.su < 0.06 then 'ACKNOWLEDGED' else 'RESOLVED' end
        else case when f.su < 0.40 then 'OPEN' when f.su < 0.65 then 'ACKNOWLEDGED' else 'RESOLVED' end end status) st;
-- rose-client4's single flag: amber, open (rose-trainer2's queue holds exactly one).
insert into symptom_flag (id, clinic_id, client_id, assignment_id, type, severity, region, occurred, level, explanation,
                          status, reported_by, request_key, reported_at)
select pg_temp.id('flag/one'), clinic_id, client_id, assignment_id, 'INCREASED_PAIN', 5, 'MIDDLE_THORACIC', 'AFTER',
       'AMBER', 'Needs review because severity 5 is in the caution range (4–6).', 'OPEN', user_id,
       pg_temp.id('flag-key/one'), (current_date - 2) + time '19:00'
from plan where kind = 'one';
-- Urgent flags still open after the clinic's 24 hours were escalated to the admins back then (nothing is due now).
update symptom_flag set escalated_at = reported_at + interval '24 hours'
where status = 'OPEN' and level in ('RED', 'EMERGENCY') and reported_at < now() - interval '24 hours';
update session_log s set worse_or_unsafe = true
from symptom_flag f where f.session_id = s.id and f.level in ('RED', 'EMERGENCY');

insert into flag_note (id, clinic_id, flag_id, author_user_id, author_name, kind, text, written_at)
select pg_temp.id('note-ack/' || f.id), f.clinic_id, f.id, f.acknowledged_by, p.lead_name, 'acknowledged',
       case when pg_temp.u('note-ack' || f.id) < 0.4 then 'Called the client; will review at the next session.' end,
       f.acknowledged_at
from symptom_flag f join plan p on p.client_id = f.client_id where f.acknowledged_at is not null
union all
select pg_temp.id('note-resolved/' || f.id), f.clinic_id, f.id, f.resolved_by, p.lead_name, 'resolved',
       'Settled; carrying on with the program.', f.resolved_at
from symptom_flag f join plan p on p.client_id = f.client_id where f.resolved_at is not null;

insert into alert_outbox (id, clinic_id, flag_id, recipient_email, urgency, send_after, attempts, sent_at, created_at)
select pg_temp.id('alert/' || f.id), f.clinic_id, f.id, p.lead_email,
       case when f.level = 'AMBER' then 'NORMAL' else 'URGENT' end, f.reported_at, 1, f.reported_at + interval '1 minute',
       f.reported_at
from symptom_flag f join plan p on p.client_id = f.client_id where f.level <> 'GREEN'
union all
select pg_temp.id('alert-escalation/' || f.id), f.clinic_id, f.id, 'admin@' || f.clinic_id || '.example', 'ESCALATION',
       f.escalated_at, 1, f.escalated_at + interval '1 minute', f.escalated_at
from symptom_flag f where f.escalated_at is not null;

-- ---- the directory: 10,000 providers in all (the 62 demo ones plus generated ones around the metro area) ----------
create temporary table centroid as
select row_number() over (order by postal_code) i, * from postal_code_centroid;
insert into provider (id, owner_clinic_id, full_name, credentials, practice, specialty, techniques, address, city,
                      neighbourhood, postal_code, latitude, longitude, phone, email, website, accepting_new_clients,
                      accepts_trainer_referrals, languages, insurance, hours, notes, demo, created_at)
select pg_temp.id('provider/' || n),
       case when pg_temp.u('prov-private' || n) < 0.15
            then (select id from clinic order by id offset floor(pg_temp.u('prov-owner' || n) * 20)::int limit 1) end,
       pg_temp.pick((select first_names from names), 'prov-first' || n) || ' ' || pg_temp.pick((select last_names from names), 'prov-last' || n),
       case s.specialty when 'CHIROPRACTOR' then 'DC' when 'MASSAGE_THERAPIST' then 'LMT'
                        when 'PHYSICAL_THERAPIST' then pg_temp.pick(array['PT, DPT', 'DPT', 'PT'], 'prov-cred' || n)
                        when 'PHYSICIAN' then pg_temp.pick(array['MD', 'DO'], 'prov-cred' || n)
                        else pg_temp.pick(array['LAc', 'OTR/L'], 'prov-cred' || n) end,
       pg_temp.pick(array['Juniper','Basalt','Cascade','Willamette','Tanager','Heron','Cedar','Fir','Madrona','Larkspur',
                          'Osprey','Camas','Salal','Trillium','Riverbend','Oakleaf','Stonecrop','Bluestem'], 'prov-p1' || n)
           || ' ' || pg_temp.pick(array['Ridge','Hollow','Bridge','Grove','Landing','Commons','Point','Crossing'], 'prov-p2' || n)
           || ' ' || case s.specialty when 'CHIROPRACTOR' then 'Chiropractic' when 'MASSAGE_THERAPIST' then 'Massage'
                                      when 'PHYSICAL_THERAPIST' then 'Physical Therapy' when 'PHYSICIAN' then 'Family Medicine'
                                      else 'Wellness' end,
       s.specialty,
       array_to_string(array(select distinct pg_temp.pick(
           case s.specialty
               when 'CHIROPRACTOR' then array['Diversified adjustments','thoracic manipulation','rib mobilization','Activator',
                   'Gonstead','flexion-distraction','postural assessment','instrument-assisted soft tissue','kinesiology taping']
               when 'MASSAGE_THERAPIST' then array['deep tissue','Swedish massage','myofascial release','trigger point therapy',
                   'sports massage','assisted stretching','upper-back and neck work','prenatal massage','lymphatic drainage']
               when 'PHYSICAL_THERAPIST' then array['manual therapy','thoracic mobility','postural retraining','dry needling',
                   'therapeutic exercise','deep tissue mobilization','scapular stabilization','McKenzie method']
               when 'PHYSICIAN' then array['sports medicine','musculoskeletal exams','imaging referral','activity prescription',
                   'osteopathic manipulative treatment','injections','return-to-training clearance']
               else array['acupuncture','cupping','gua sha','workstation ergonomics','breathing-focused sessions',
                   'pilates-based rehab'] end, 'prov-tech' || n || '/' || k) from generate_series(1, 4) k order by 1), ', '),
       (100 + floor(pg_temp.u('prov-addr' || n) * 9800)::int)::text || ' '
           || pg_temp.pick(array['SE Hawthorne Blvd','NE Alberta St','SW Canyon Rd','N Lombard St','SE Division St',
                                 'NW 23rd Ave','SW Beaverton-Hillsdale Hwy','NE Sandy Blvd','SE Foster Rd','SW Main St',
                                 'NE Broadway','SE Stark St','SW Capitol Hwy','E Main St'], 'prov-street' || n),
       z.city, case when pg_temp.u('prov-nb' || n) < 0.5 then z.city || ' ' || pg_temp.pick(array['North','South','East','West','Central'], 'prov-nbn' || n) end,
       z.postal_code,
       round((z.latitude + (pg_temp.u('prov-lat' || n) - 0.5) * 0.04)::numeric, 4),
       round((z.longitude + (pg_temp.u('prov-lon' || n) - 0.5) * 0.06)::numeric, 4),
       '503-555-' || lpad((n % 10000)::text, 4, '0'), 'office' || n || '@provider.example', 'https://provider' || n || '.example',
       pg_temp.u('prov-accepting' || n) < 0.8, pg_temp.u('prov-referrals' || n) < 0.9,
       pg_temp.pick(array['English','English','English','English, Spanish','English, Vietnamese','English, Russian',
                          'English, Mandarin'], 'prov-lang' || n),
       pg_temp.pick(array['Providence, Regence, Moda, Self-pay','Kaiser Permanente, Self-pay','Regence, Aetna, Self-pay',
                          'Self-pay only','Moda, Aetna, Self-pay'], 'prov-ins' || n),
       pg_temp.pick(array['Mon–Fri 8:00–18:00','Mon–Thu 9:00–19:00','Tue–Sat 9:00–17:00','Mon–Sat 10:00–20:00'], 'prov-hours' || n),
       null, false, now() - interval '1 year'
from generate_series(1, 10000 - (select count(*) from provider)) n
cross join lateral (select pg_temp.pick(array['CHIROPRACTOR','MASSAGE_THERAPIST','PHYSICAL_THERAPIST','PHYSICIAN','OTHER'],
                                        'prov-specialty' || n) specialty) s
cross join lateral (select * from centroid where i = 1 + floor(pg_temp.u('prov-zip' || n) * (select count(*) from centroid))::int) z;

insert into favourite_provider (clinic_id, provider_id)
select c.id, p.id from clinic c
cross join lateral (select id from provider where owner_clinic_id is null order by pg_temp.u('fav' || c.id || id) limit 10) p
on conflict do nothing;

-- ---- 5,000 referrals with their timeline, consent and linked flags -------------------------------------------------
create temporary table plan_n as select row_number() over (order by client_id) i, * from plan where kind in ('normal', 'long');
create temporary table shared_provider as
select row_number() over (order by id) i, id from provider where owner_clinic_id is null;
create temporary table ref as
select r, pg_temp.id('referral/' || r) id, p.*,
       (select id from shared_provider where i = 1 + floor(pg_temp.u('ref-prov' || r) * (select count(*) from shared_provider))::int) provider_id,
       p.start_on + floor(pg_temp.u('ref-day' || r) * (coalesce(p.stop_on, current_date) - p.start_on))::int
           + time '11:00' + floor(pg_temp.u('ref-min' || r) * 300) * interval '1 minute' created,
       pg_temp.u('ref-status' || r) su
from generate_series(1, 5000) r
join plan_n p on p.i = 1 + floor(pg_temp.u('ref-client' || r) * (select count(*) from plan_n))::int;
alter table ref add column rstatus text;
update ref set rstatus = case when su < 0.08 then 'DRAFT' when su < 0.18 then 'SENT' when su < 0.28 then 'ACKNOWLEDGED'
                             when su < 0.40 then 'SCHEDULED' when su < 0.80 then 'COMPLETED' when su < 0.88 then 'DECLINED'
                             else 'CANCELLED' end;

insert into referral (id, clinic_id, client_id, provider_id, created_by, reason, urgency, message, share_program,
                      share_adherence, share_sessions, share_flags, status, appointment_on, provider_findings,
                      provider_recommendations, link_nonce, link_expires_at, sent_at, acknowledged_at, request_key, created_at)
select id, clinic_id, client_id, provider_id, lead_id,
       pg_temp.pick(array['Tingling in the left hand after sessions; please assess.',
                          'Persistent stiffness between the shoulder blades.',
                          'Recurring upper-back pain after rolling; second opinion wanted.',
                          'Muscle tension limiting the extension exercise.',
                          'Dizziness reported twice during sessions.'], 'ref-reason' || r),
       pg_temp.pick(array['ROUTINE', 'ROUTINE', 'SOON', 'URGENT'], 'ref-urgency' || r),
       case when pg_temp.u('ref-msg' || r) < 0.5 then 'Thank you for seeing them; their program summary is attached.' end,
       true, pg_temp.u('ref-sa' || r) < 0.7, pg_temp.u('ref-ss' || r) < 0.5, pg_temp.u('ref-sf' || r) < 0.6,
       rstatus,
       case when rstatus in ('SCHEDULED', 'COMPLETED') then (created + interval '9 days')::date end,
       case when rstatus = 'COMPLETED' then 'Mild thoracic hypomobility; no red flags on examination.' end,
       case when rstatus = 'COMPLETED' then 'Continue the program; add breathing drills.' end,
       case when rstatus <> 'DRAFT' then md5('nonce/' || id) end,
       case when rstatus <> 'DRAFT' then created + interval '1 hour' + interval '30 days' end,
       case when rstatus <> 'DRAFT' then created + interval '1 hour' end,
       case when rstatus in ('ACKNOWLEDGED', 'SCHEDULED', 'COMPLETED', 'DECLINED') then created + interval '2 days' end,
       pg_temp.id('referral-key/' || r), created
from ref;
-- Referrals left unacknowledged past the clinic's 5 days had their one reminder mailed then (nothing is due now).
update referral set reminder_sent_at = sent_at + interval '5 days' where status = 'SENT' and sent_at < now() - interval '5 days';

insert into referral_event (id, clinic_id, referral_id, status, actor_name, actor_kind, note, happened_at)
select pg_temp.id('referral-event/' || r.r || '/' || e.status), r.clinic_id, r.id, e.status,
       case e.kind when 'STAFF' then r.lead_name when 'PROVIDER' then 'Provider' else 'Backline' end, e.kind, null,
       r.created + e.after
from ref r
cross join lateral (values ('DRAFT', 'STAFF', interval '0', 0), ('SENT', 'STAFF', interval '1 hour', 1),
                           ('ACKNOWLEDGED', 'PROVIDER', interval '2 days', 2), ('SCHEDULED', 'PROVIDER', interval '3 days', 3),
                           ('COMPLETED', 'PROVIDER', interval '12 days', 4), ('DECLINED', 'PROVIDER', interval '2 days', 9),
                           ('CANCELLED', 'STAFF', interval '1 day', 9)) e(status, kind, after, rank)
where e.status = r.rstatus
   or e.rank <= case r.rstatus when 'DRAFT' then 0 when 'SENT' then 1 when 'ACKNOWLEDGED' then 2 when 'SCHEDULED' then 3
                              when 'COMPLETED' then 4 when 'DECLINED' then 1 else 0 end;

insert into referral_consent (id, clinic_id, referral_id, client_id, given_by, method, recorded_by, given_at, created_at)
select pg_temp.id('consent/' || r), clinic_id, id, client_id,
       case when pg_temp.u('consent' || r) < 0.6 then 'CLIENT' else 'STAFF' end,
       case when pg_temp.u('consent' || r) < 0.6 then 'in the app' else 'in person' end,
       case when pg_temp.u('consent' || r) < 0.6 then full_name else lead_name end,
       created + interval '30 minutes', created + interval '30 minutes'
from ref where rstatus <> 'DRAFT';

insert into referral_flag (referral_id, flag_id, clinic_id)
select r.id, f.id, r.clinic_id from ref r
join lateral (select id from symptom_flag f where f.clinic_id = r.clinic_id and f.client_id = r.client_id
              and f.reported_at <= r.created order by f.reported_at desc limit 1) f on true
where pg_temp.u('ref-flag' || r.r) < 0.4;

commit;

set client_min_messages = error; -- (the app role cannot vacuum the system catalogs; it skips them)
vacuum analyze;
set client_min_messages = warning;

\echo
\echo 'Rows:'
select 'clinic' as "table", count(*) as rows from clinic
union all select 'staff_member (trainers)', count(*) from staff_member where role = 'trainer'
union all select 'staff_member (admins)', count(*) from staff_member where role = 'clinic-admin'
union all select 'client', count(*) from client
union all select 'care_team_member', count(*) from care_team_member
union all select 'program_version', count(*) from program_version
union all select 'assignment', count(*) from assignment
union all select 'prescription', count(*) from prescription
union all select 'assignment_event', count(*) from assignment_event
union all select 'session_log', count(*) from session_log
union all select 'audit_event', count(*) from audit_event
union all select 'symptom_flag', count(*) from symptom_flag
union all select 'flag_note', count(*) from flag_note
union all select 'alert_outbox', count(*) from alert_outbox
union all select 'provider', count(*) from provider
union all select 'favourite_provider', count(*) from favourite_provider
union all select 'referral', count(*) from referral
union all select 'referral_event', count(*) from referral_event
union all select 'referral_consent', count(*) from referral_consent
union all select 'referral_flag', count(*) from referral_flag;
select (select count(*) from care_team_member m join staff_member s on s.id = m.staff_member_id
        where s.email = 'rose-trainer@rosecitymovement.example') as "rose-trainer clients",
       (select count(*) from session_log s join client c on c.id = s.client_id
        where c.email = 'rose-client1@rosecitymovement.example') as "rose-client1 sessions",
       (select count(*) from symptom_flag f where f.status <> 'RESOLVED' and f.level <> 'GREEN' and exists (
            select 1 from care_team_member m join staff_member s on s.id = m.staff_member_id
            where m.client_id = f.client_id and s.email = 'rose-trainer@rosecitymovement.example')) as "rose-trainer open flags",
       pg_size_pretty(pg_database_size(current_database())) as "database size";
select 'generated in ' || round(extract(epoch from clock_timestamp() - :'t0'::timestamptz)::numeric, 1) || ' s (seed '
       || current_setting('bench.seed') || ')' as done;
