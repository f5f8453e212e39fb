create table product (
    id                    uuid primary key,
    seller_id             text        not null,
    titles                jsonb       not null,
    description           text,
    category              text        not null,
    brand                 text,
    origin_country        text,
    manufacturer_name     text,
    manufacturer_address  text,
    created_at            timestamptz not null,
    version               bigint      not null default 0
);

create index product_seller_page on product (seller_id, created_at, id);

create table sku (
    id          uuid primary key,
    seller_id   text    not null,
    product_id  uuid    not null references product (id),
    seller_sku  text    not null,
    barcode     text,
    weight_value numeric(12, 3),
    weight_unit  text check (weight_unit in ('G', 'KG', 'OZ', 'LB')),
    position    integer not null,
    constraint sku_seller_sku_unique unique (seller_id, seller_sku)
);

create index sku_product on sku (product_id, position);
