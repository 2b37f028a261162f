-- Demo data for dev mode and the tests only (never in production): two fictional clinics whose people
-- match the demo users of deploy/keycloak/backline-realm.json. Re-runnable: nothing is inserted twice.
insert into clinic (id, name, city) values
    ('rose-city', 'Rose City Movement', 'Portland'),
    ('cedar-hills', 'Cedar Hills Strength', 'Beaverton')
on conflict (id) do nothing;
-- Fictional numbers from the range kept for examples.
update clinic set phone = '503-555-0142', answers_within_hours = 4 where id = 'rose-city' and phone is null;
update clinic set phone = '971-555-0167', answers_within_hours = 8 where id = 'cedar-hills' and phone is null;

insert into staff_member (id, clinic_id, user_id, full_name, email, role) values
    ('e9ee4a02-a521-5b52-a1e2-dc45e80d0d15', 'rose-city', 'a48c5cd6-2d1c-5db2-9f5e-938ee52af4c3', 'Maya Okafor', 'rose-admin@rosecitymovement.example', 'clinic-admin'),
    ('7b3b8c8f-a73a-5d3c-9c8b-ff39cfcd4f7c', 'rose-city', '1eb7bf60-cb93-51a4-a416-99a234a9b23c', 'Jonas Reyes', 'rose-trainer@rosecitymovement.example', 'trainer'),
    ('3971f358-f589-540f-b031-8272c4cf0df8', 'rose-city', '14d84601-80ed-52fc-b5be-c22cfe4bedef', 'Priya Shah', 'rose-trainer2@rosecitymovement.example', 'trainer'),
    ('65f4588a-27d5-5f65-92dc-48f12c2302c1', 'cedar-hills', 'fe551f26-bdef-5160-b2a4-7b7c2ca6b101', 'Grace Holloway', 'cedar-admin@cedarhillsstrength.example', 'clinic-admin'),
    ('c6cd0a9f-7db0-5ffb-ba1d-39901997f373', 'cedar-hills', 'd6ffa20f-05b0-58f1-88ef-c2356937e11b', 'Eli Brandt', 'cedar-trainer@cedarhillsstrength.example', 'trainer'),
    ('f7379a48-7ef3-5a63-ab8f-2e2bb15eea73', 'cedar-hills', '9c19e978-453b-50a8-b11d-da9b23505679', 'Nora Castillo', 'cedar-trainer2@cedarhillsstrength.example', 'trainer')
on conflict (id) do nothing;

insert into client (id, clinic_id, user_id, full_name, preferred_name, email) values
    ('80a7548f-cc49-5cfa-b830-bdb6070fcd6b', 'rose-city', '7ee3cff6-d663-578e-b599-b710e61c7d80', 'Alex Morgan', 'Alex', 'rose-client1@rosecitymovement.example'),
    ('902ab030-bad3-5271-a7b7-e610f7e76e1a', 'rose-city', 'f31f9ac3-2e36-5a07-8a58-18e647d84365', 'Sam Lindqvist', 'Sam', 'rose-client2@rosecitymovement.example'),
    ('7cd5d1f8-515a-5e99-be98-3ddc2de22a7d', 'rose-city', 'b08b3b69-e2ee-5fba-adcc-5bf773adbeda', 'Robin Nakamura', 'Robin', 'rose-client3@rosecitymovement.example'),
    ('988e4c58-8b63-556c-a75f-7266a1d14f8d', 'rose-city', 'c2568e95-3a1b-599c-b30c-5906146ac22b', 'Casey Dubois', 'Casey', 'rose-client4@rosecitymovement.example'),
    ('d6342c87-bb90-58ad-9ff1-0feffdaab509', 'rose-city', 'a78bccef-6a41-5b01-b8aa-54fc29524712', 'Jordan Alvarez', 'Jordan', 'rose-client5@rosecitymovement.example'),
    ('c6b1f2d1-2848-551f-934d-df715977f60c', 'cedar-hills', '9d413b1e-9ca0-53c4-8e8d-a5680fb1c770', 'Taylor Kim', 'Taylor', 'cedar-client1@cedarhillsstrength.example'),
    ('8832fda5-74e0-58e2-81e9-a153ed3bb9af', 'cedar-hills', '87a5a585-a0d8-515a-aba4-c07ef26f5c95', 'Riley Okonkwo', 'Riley', 'cedar-client2@cedarhillsstrength.example'),
    ('52fbef6c-bfd3-553e-a1c2-b7f2690cbe96', 'cedar-hills', '1172240a-16d5-5a30-acad-3254de523418', 'Quinn Larsen', 'Quinn', 'cedar-client3@cedarhillsstrength.example'),
    ('c6055078-50a5-5942-98a0-53a3ffb474fa', 'cedar-hills', 'f07ea805-47be-52ba-86f1-fac0d99cf46d', 'Avery Moreau', 'Avery', 'cedar-client4@cedarhillsstrength.example'),
    ('bfae1ebf-4611-54d7-8364-89c240063127', 'cedar-hills', '47d93dae-46ee-5d52-9c4b-bab22add261b', 'Drew Patel', 'Drew', 'cedar-client5@cedarhillsstrength.example')
on conflict (id) do nothing;

insert into care_team_member (clinic_id, client_id, staff_member_id, lead) values
    ('rose-city', '80a7548f-cc49-5cfa-b830-bdb6070fcd6b', '7b3b8c8f-a73a-5d3c-9c8b-ff39cfcd4f7c', true),
    ('rose-city', '902ab030-bad3-5271-a7b7-e610f7e76e1a', '7b3b8c8f-a73a-5d3c-9c8b-ff39cfcd4f7c', true),
    ('rose-city', '7cd5d1f8-515a-5e99-be98-3ddc2de22a7d', '7b3b8c8f-a73a-5d3c-9c8b-ff39cfcd4f7c', true),
    ('rose-city', '988e4c58-8b63-556c-a75f-7266a1d14f8d', '3971f358-f589-540f-b031-8272c4cf0df8', true),
    ('rose-city', 'd6342c87-bb90-58ad-9ff1-0feffdaab509', '3971f358-f589-540f-b031-8272c4cf0df8', true),
    ('cedar-hills', 'c6b1f2d1-2848-551f-934d-df715977f60c', 'c6cd0a9f-7db0-5ffb-ba1d-39901997f373', true),
    ('cedar-hills', '8832fda5-74e0-58e2-81e9-a153ed3bb9af', 'c6cd0a9f-7db0-5ffb-ba1d-39901997f373', true),
    ('cedar-hills', '52fbef6c-bfd3-553e-a1c2-b7f2690cbe96', 'c6cd0a9f-7db0-5ffb-ba1d-39901997f373', true),
    ('cedar-hills', 'c6055078-50a5-5942-98a0-53a3ffb474fa', 'f7379a48-7ef3-5a63-ab8f-2e2bb15eea73', true),
    ('cedar-hills', 'bfae1ebf-4611-54d7-8364-89c240063127', 'f7379a48-7ef3-5a63-ab8f-2e2bb15eea73', true)
on conflict do nothing;

-- The demo clients answered the pre-exercise questions with no "yes", so the demo starts on their program.
insert into screening (id, clinic_id, client_id, yes_answers, answered_by, answered_by_staff, answered_at, request_key)
select md5('screening' || c.id::text)::uuid, c.clinic_id, c.id, '{}', c.user_id, false, now(), md5('screening-key' || c.id::text)::uuid
from client c
where c.clinic_id in ('rose-city', 'cedar-hills') and c.user_id is not null
    and c.email like '%client_@%.example'
on conflict (id) do nothing;
update client set screened_at = s.answered_at from screening s
where s.client_id = client.id and client.screened_at is null;
