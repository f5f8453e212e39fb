-- Shipped channel orders, counted once each into their seller's monthly sales per market (CMP-4); the month's total
-- is reported to compliance-service, whose tax id rule reads it.
create table channel_order_sale (
    connection_id  uuid           not null references channel_connection (id),
    order_id       text           not null,
    seller_id      text           not null,
    market         text           not null,
    month          text           not null,
    amount_usd     numeric(15, 2) not null,
    currency       text           not null,
    amount         numeric(18, 2) not null,
    counted_at     timestamptz    not null,
    primary key (connection_id, order_id)
);

create index channel_order_sale_month on channel_order_sale (seller_id, market, month);
