-- One check-off as the app sends it to PostgreSQL, for pgbench (deploy/bench/check-off-in-postgres.sh runs it):
-- the check-off's target read, the session and its audit row (unchained, docs/adr/0048), commit. The membership is
-- known from the app's cache, so no statement reads it.
-- Each transaction is one of the benchmark's check-off clients (bench_check_off_client, made by the script) checking
-- off a day no one has used: its transaction id past 2100-01-01, so no insert meets the (assignment, day) key.
\set n random(1, 64)
begin;
select assignment_id, client_id, user_id, date '2100-01-01' + (txid_current() % 1000000)::int as day
from bench_check_off_client where n = :n \gset
select a.*, p.*, s.* from assignment a
left join prescription p on p.clinic_id = a.clinic_id and p.assignment_id = a.id
    and p.version = (select max(x.version) from prescription x where x.assignment_id = a.id)
left join session_log s on s.clinic_id = a.clinic_id
    and (s.idempotency_key = md5(:day::text || :n)::uuid or (s.assignment_id = a.id and s.performed_on = :day::date))
where a.clinic_id = 'cedar-hills' and a.id = :assignment_id::uuid and a.client_id = :client_id::uuid;
insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds, discomfort, feeling, note,
                         worse_or_unsafe, idempotency_key, recorded_at, corrected_at)
values (gen_random_uuid(), 'cedar-hills', :assignment_id::uuid, :client_id::uuid, :day::date, '{60,90,120}', 3, 'GOOD',
        null, false, md5(:day::text || :n)::uuid, now(), null);
insert into audit_view_pending (id, clinic_id, client_id, actor_user_id, actor_name, action, detail, request_id, happened_at)
values (gen_random_uuid(), 'cedar-hills', :client_id::uuid, :user_id::uuid, 'Bench client', 'checked off session',
        :day::text || ' (API)', md5(:day::text), now());
commit;
