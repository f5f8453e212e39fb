-- Every change of who owns a SKU's stock (rules INV-2, INV-6, CH-2), one row per SKU, whether it came from the
-- per-SKU PUT or from a switch of many SKUs at once (switch_id groups those). Append-only like the stock audit.
create table sku_ownership_change (
    id                      bigint generated always as identity primary key,
    seller_id               text        not null,
    seller_sku              text        not null,
    from_mode               text,
    from_integration_id     text,
    to_mode                 text        not null,
    to_integration_id       text,
    effective_at            timestamptz not null,
    actor                   text        not null,
    switch_id               uuid,
    created_at              timestamptz not null
);

create index sku_ownership_change_seller on sku_ownership_change (seller_id, id);
create index sku_ownership_change_sku on sku_ownership_change (seller_id, seller_sku, id);

create trigger sku_ownership_change_append_only before update or delete on sku_ownership_change
    for each statement execute function refuse_ledger_rewrite();
