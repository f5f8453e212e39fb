-- Counts (CNT-1): a warehouse whose WMS takes count requests is asked to count; its answer comes back as a webhook.
alter table warehouse_connection add column count_request_url text;

-- one row per count inventory-service started, whether or not its warehouse can be asked
create table count_request (
    id uuid primary key,                 -- the count's id in inventory-service
    seller_id text not null,
    warehouse_id text not null,          -- as inventory-service names it: the gateway's warehouse id
    seller_skus text[] not null,
    status text not null,                -- PENDING, SENT, FAILED, NOT_REQUESTED
    reason text,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null,
    claimed_until timestamptz,           -- a replica sending the request holds it until then
    created_at timestamptz not null,
    sent_at timestamptz
);

create index count_request_due on count_request (next_attempt_at) where status = 'PENDING';
create index count_request_by_warehouse on count_request (seller_id, warehouse_id, created_at, id);
