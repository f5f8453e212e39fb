-- The ledger's available quantity per SKU and warehouse, as inventory-service last reported it: what the channel
-- is to be told. Only a newer balance version replaces a row, so a late or repeated report changes nothing.
create table channel_stock (
    seller_id      text        not null,
    seller_sku     text        not null,
    warehouse_id   text        not null,
    available      bigint      not null,
    sellable       bigint      not null,
    reserved       bigint      not null,
    stock_version  bigint      not null,
    changed_at     timestamptz not null,
    received_at    timestamptz not null,
    primary key (seller_id, seller_sku, warehouse_id)
);
