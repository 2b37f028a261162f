-- The chain's trigger (V17) wrote the clinic's head row twice for every row appended. Inside one transaction each
-- write walks the versions the earlier writes left, so chaining a batch of looks (V26's mover, one statement of up
-- to 500 rows) cost time growing with the square of the batch, and the dashboard's looks piled up behind it
-- (docs/adr/0048). Now a row only locks the head and reads it (no new version), links to the newest row of its own
-- statement when there is one, and the head is written once per statement from the rows it appended.
--
-- The link still starts from the head, never from the newest row left in the table: if the newest rows were
-- deleted, the next row links to the head's hash and the chain check still reports them removed.
create or replace function audit_event_chain() returns trigger language plpgsql security definer
    set search_path from current as $$
declare
    head_seq bigint;
    head_hash bytea;
    newest_seq bigint;
    newest_hash bytea;
begin
    -- Takes the clinic's lock (waiting for another appending transaction to end) and reads its latest head.
    select h.seq, h.row_hash into head_seq, head_hash from audit_chain_head h where h.clinic_id = new.clinic_id for update;
    if not found then
        insert into audit_chain_head (clinic_id, seq, row_hash) values (new.clinic_id, 0, null) on conflict do nothing;
        select h.seq, h.row_hash into head_seq, head_hash from audit_chain_head h where h.clinic_id = new.clinic_id for update;
    end if;
    -- Rows past the head can only be this statement's own: every statement moves the head when it ends.
    select e.seq, e.row_hash into newest_seq, newest_hash from audit_event e
    where e.clinic_id = new.clinic_id and e.seq > head_seq order by e.seq desc limit 1;
    if newest_seq is not null then
        head_seq := newest_seq;
        head_hash := newest_hash;
    end if;
    new.seq := head_seq + 1;
    new.prev_hash := head_hash;
    new.row_hash := audit_event_hash(new);
    return new;
end;
$$;

create function audit_chain_head_follows() returns trigger language plpgsql security definer
    set search_path from current as $$
begin
    update audit_chain_head h set seq = n.seq, row_hash = n.row_hash
    from (select distinct on (a.clinic_id) a.clinic_id, a.seq, a.row_hash from appended a
          order by a.clinic_id, a.seq desc) n
    where h.clinic_id = n.clinic_id;
    return null;
end;
$$;
create trigger audit_event_head_follows after insert on audit_event referencing new table as appended
    for each statement execute function audit_chain_head_follows();
