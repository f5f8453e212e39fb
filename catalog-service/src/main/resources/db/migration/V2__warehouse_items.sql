-- The three codes (rule WH-3): a SKU's item id in each warehouse's WMS, and the barcode the warehouse knows it by.
create table warehouse_item (
    id            uuid primary key,
    seller_id     text        not null,
    seller_sku    text        not null,
    warehouse_id  text        not null,
    wms_item_id   text        not null,
    barcode       text,
    updated_at    timestamptz not null,
    constraint warehouse_item_one_per_sku unique (seller_id, seller_sku, warehouse_id),
    -- one WMS item is one SKU: a second SKU claiming it is refused, never guessed
    constraint warehouse_item_one_sku_per_item unique (seller_id, warehouse_id, wms_item_id)
);
