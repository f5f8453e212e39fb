-- which of the channel shop's warehouses shows the stock of which Stockbridge warehouse
create table channel_warehouse (
    connection_id         uuid        not null references channel_connection (id),
    warehouse_id          text        not null,
    channel_warehouse_id  text        not null,
    seller_id             text        not null,
    updated_at            timestamptz not null,
    primary key (connection_id, warehouse_id)
);

-- quantities waiting to be pushed to the channel: one pending row per channel SKU and channel warehouse, which a
-- newer ledger version overwrites (coalescing); rows stay until the channel acknowledged them
create table channel_push (
    id                    uuid primary key,
    seller_id             text        not null,
    connection_id         uuid        not null references channel_connection (id),
    listing_id            uuid        not null references listing (id),
    seller_sku            text        not null,
    channel_product_id    text        not null,
    channel_sku_id        text        not null,
    warehouse_id          text        not null,
    channel_warehouse_id  text        not null,
    quantity              bigint      not null,
    stock_version         bigint      not null,
    changed_at            timestamptz not null,
    status                text        not null check (status in ('PENDING', 'PUSHED', 'REFUSED')),
    attempts              integer     not null default 0,
    next_attempt_at       timestamptz not null,
    last_error            text,
    created_at            timestamptz not null,
    pushed_at             timestamptz
);

create unique index channel_push_one_pending on channel_push (connection_id, channel_sku_id, channel_warehouse_id)
    where status = 'PENDING';
create index channel_push_due on channel_push (next_attempt_at, created_at) where status = 'PENDING';
