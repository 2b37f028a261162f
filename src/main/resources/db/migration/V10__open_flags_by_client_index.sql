-- The flag badge counts a trainer's open, non-green flags on every staff page. Its predicate matches this partial
-- index exactly, so the count reads the few open flags of the care team's clients from the index alone instead of
-- every flag those clients ever reported: 3.5 ms -> 0.2 ms for a trainer with 50 clients (525 flags, 32 open).
create index symptom_flag_open_by_client on symptom_flag (clinic_id, client_id)
    where status <> 'RESOLVED' and level <> 'GREEN';
