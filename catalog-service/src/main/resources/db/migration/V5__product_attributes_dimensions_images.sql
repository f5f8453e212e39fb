alter table product add column attributes jsonb not null default '{}'::jsonb;
alter table product add column updated_at timestamptz;

alter table sku add column length_value numeric(10, 2);
alter table sku add column width_value numeric(10, 2);
alter table sku add column height_value numeric(10, 2);
alter table sku add column dimension_unit text check (dimension_unit in ('CM', 'IN'));

-- main images as uploaded: the listing checks decode and measure these bytes (LST-3), never a flag
create table product_image (
    id            uuid primary key,
    seller_id     text        not null,
    product_id    uuid        not null references product (id),
    position      integer     not null,
    content_type  text        not null,
    width         integer     not null,
    height        integer     not null,
    size_bytes    integer     not null,
    sha256        text        not null,
    created_at    timestamptz not null
);

create table product_image_content (
    image_id  uuid primary key references product_image (id) on delete cascade,
    bytes     bytea not null
);

create index product_image_product on product_image (product_id, position);
