-- Fair rounds and poison isolation: each waiting warehouse gets its turn in every round, and an event that keeps
-- failing is tried again later (next_attempt_at) and parked with its reason after a bounded number of attempts.
alter table inbound_event add column attempts integer not null default 0;
alter table inbound_event add column next_attempt_at timestamptz;
create index inbound_event_waiting on inbound_event (warehouse_id, created_at, id) where status = 'RECEIVED';
