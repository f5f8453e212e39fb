-- Polling (WH-1, WH-2): when each polled warehouse is due, who is polling it now, and how the last polls went.
alter table warehouse_connection add column next_poll_at timestamptz;
-- a replica polling the warehouse holds it until then, so two replicas never poll the same warehouse at once
alter table warehouse_connection add column poll_claimed_until timestamptz;
alter table warehouse_connection add column last_successful_poll_at timestamptz;
alter table warehouse_connection add column last_poll_error text;
alter table warehouse_connection add column poll_failures integer not null default 0;
-- what the last good poll noticed, e.g. items the warehouse holds that are not mapped to a SKU (WH-3)
alter table warehouse_connection add column last_poll_note text;

create index warehouse_connection_poll_due on warehouse_connection (next_poll_at)
    where enabled and poll_interval_seconds is not null;
