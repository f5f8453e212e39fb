-- Stock age (rule STK-4): every receipt of units into the warehouse (from outside or from in transit into QC,
-- frozen or sellable) is a layer with its date; units leaving the warehouse consume the oldest layers first.
-- Layers of an item change only while its balance row is locked, so they need no locks of their own.
create table receipt_layer (
    id            bigint generated always as identity primary key,
    seller_id     text        not null,
    seller_sku    text        not null,
    warehouse_id  text        not null,
    received_at   timestamptz not null,
    quantity      bigint      not null check (quantity > 0),
    remaining     bigint      not null check (remaining >= 0 and remaining <= quantity),
    reference     text
);

create index receipt_layer_open on receipt_layer (seller_id, seller_sku, warehouse_id, received_at, id) where remaining > 0;
