-- Channel packages whose shipping label exists (rule INV-1): while any of a SKU's packages is labelled and not yet
-- shipped or cancelled, hand edits of the SKU are refused. A package closed once stays closed, so a label notice
-- arriving after the shipment's does not lock again.
create table shipping_label (
    seller_id     text        not null,
    package_id    text        not null,
    seller_sku    text        not null,
    order_id      text,
    quantity      bigint      not null,
    labelled_at   timestamptz,
    closed_at     timestamptz,
    closed_as     text check (closed_as in ('SHIPPED', 'CANCELLED')),
    primary key (seller_id, package_id, seller_sku)
);

create index shipping_label_open on shipping_label (seller_id, seller_sku) where closed_at is null;
