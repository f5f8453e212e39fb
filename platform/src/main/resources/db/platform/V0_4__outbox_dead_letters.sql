-- Dead letters: an event the receiver refused for good, or that was still undelivered when its retry window closed,
-- is DEAD. It keeps the receiver's answer (status, code, detail) for the seller to read, and is replayed by
-- setting it PENDING again with a fresh window. REJECTED (the old final refusal) is a dead letter too.
alter table outbox_event add column retry_since timestamptz;
alter table outbox_event add column dead_at timestamptz;
alter table outbox_event add column receiver_status integer;
alter table outbox_event add column receiver_code text;
alter table outbox_event add column replays integer not null default 0;
-- transitions (an order's placed, cancelled, shipped) are delivered one at a time per key, in the order written
alter table outbox_event add column sequence_key text;

update outbox_event set status = 'DEAD', dead_at = created_at where status = 'REJECTED';
alter table outbox_event drop constraint outbox_event_status;
alter table outbox_event add constraint outbox_event_status
    check (status in ('PENDING', 'DELIVERED', 'DEAD', 'SUPERSEDED'));

-- the retention purge takes only what was settled; dead letters stay until replayed
drop index outbox_event_finished;
create index outbox_event_finished on outbox_event (created_at) where status in ('DELIVERED', 'SUPERSEDED');
create index outbox_event_dead on outbox_event (seller_id, dead_at, id) where status = 'DEAD';
create index outbox_event_sequence on outbox_event (destination, sequence_key, created_at)
    where status = 'PENDING' and sequence_key is not null;
