create table warehouse_connection (
    id                     uuid primary key,
    seller_id              text        not null,
    code                   text        not null,
    name                   text        not null,
    country                text        not null,
    adapter                text        not null check (adapter in ('SHIPBOB', 'WINIT', 'FOURPX', 'STANDARD_WEBHOOKS', 'CSV')),
    poll_interval_seconds  integer check (poll_interval_seconds between 30 and 86400),
    enabled                boolean     not null,
    created_at             timestamptz not null,
    version                bigint      not null default 0,
    constraint warehouse_connection_code_unique unique (seller_id, code)
);

create index warehouse_connection_page on warehouse_connection (seller_id, created_at, id);
