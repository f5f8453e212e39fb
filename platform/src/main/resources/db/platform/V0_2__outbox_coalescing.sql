-- Coalescing: an event that states a whole current value (a stock snapshot, an absolute channel quantity) carries a
-- key and the source's order of that value; an event with the same key and destination that is newer in that order
-- supersedes an older one not yet on its way, which is then never sent (its receiver would ignore or overwrite it).
alter table outbox_event add column coalesce_key text;
alter table outbox_event add column coalesce_order text;
alter table outbox_event drop constraint outbox_event_status;
alter table outbox_event add constraint outbox_event_status check (status in ('PENDING', 'DELIVERED', 'REJECTED', 'SUPERSEDED'));
create index outbox_event_coalesce on outbox_event (destination, coalesce_key) where status = 'PENDING' and coalesce_key is not null;
