create table sku_ownership (
    id                       uuid primary key,
    seller_id                text        not null,
    seller_sku               text        not null,
    mode                     text        not null check (mode in ('EXTERNAL', 'MANUAL')),
    integration_id           text,
    previous_mode            text check (previous_mode in ('EXTERNAL', 'MANUAL')),
    previous_integration_id  text,
    effective_at             timestamptz not null,
    changed_by               text        not null,
    changed_at               timestamptz not null,
    version                  bigint      not null default 0,
    constraint sku_ownership_one_per_sku unique (seller_id, seller_sku)
);

-- Edit locks put on a SKU by other services (rule INV-1): one row per kind while it holds.
create table sku_lock (
    id          uuid primary key,
    seller_id   text        not null,
    seller_sku  text        not null,
    kind        text        not null,
    reason      text,
    reference   text,
    locked_by   text        not null,
    locked_at   timestamptz not null,
    constraint sku_lock_one_per_kind unique (seller_id, seller_sku, kind)
);
