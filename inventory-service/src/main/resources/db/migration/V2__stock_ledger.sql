-- The stock ledger (rules STK-1, STK-2, INV-5).
--
-- A balance holds the ledger buckets of one (seller, SKU, warehouse). "unreserved" and "reserved" together are the
-- units on the shelf ("sellable" in the API); reserving moves units from unreserved to reserved, so every bucket
-- is exactly the sum of the movements into it minus the movements out of it.

-- SKUs and warehouses the ledger accepts movements for, registered by the services that own them
-- (catalog-service, warehouse-gateway). An unknown code is refused, never guessed (rule WH-3).
create table known_sku (
    seller_id    text        not null,
    seller_sku   text        not null,
    registered_at timestamptz not null default now(),
    -- risk control (rule INV-4): set when the SKU exceeded the edit rate
    flagged_at   timestamptz,
    flag_reason  text,
    primary key (seller_id, seller_sku)
);

create table known_warehouse (
    seller_id     text        not null,
    warehouse_id  text        not null,
    registered_at timestamptz not null default now(),
    primary key (seller_id, warehouse_id)
);

create table stock_balance (
    seller_id         text        not null,
    seller_sku        text        not null,
    warehouse_id      text        not null,
    in_transit        bigint      not null default 0 check (in_transit >= 0),
    qc                bigint      not null default 0 check (qc >= 0),
    frozen            bigint      not null default 0 check (frozen >= 0),
    unreserved        bigint      not null default 0 check (unreserved >= 0),
    reserved          bigint      not null default 0 check (reserved >= 0),
    safety_stock      bigint      not null default 0 check (safety_stock >= 0),
    -- units the warehouse says are gone although orders reserved them (a snapshot below what is reserved)
    shortfall         bigint      not null default 0 check (shortfall >= 0),
    version           bigint      not null default 0,
    updated_at        timestamptz not null default now(),
    -- ordering of warehouse snapshots: an older observation never overwrites a newer one
    snapshot_observed_at timestamptz,
    snapshot_sequence    text,
    primary key (seller_id, seller_sku, warehouse_id),
    foreign key (seller_id, seller_sku) references known_sku (seller_id, seller_sku),
    foreign key (seller_id, warehouse_id) references known_warehouse (seller_id, warehouse_id)
);

create index stock_balance_warehouse on stock_balance (seller_id, warehouse_id, seller_sku);

create table stock_movement (
    id               bigint generated always as identity primary key,
    seller_id        text        not null,
    seller_sku       text        not null,
    warehouse_id     text        not null,
    from_bucket      text        not null,
    to_bucket        text        not null,
    quantity         bigint      not null check (quantity > 0),
    reason           text        not null,
    source           text        not null,
    reference        text,
    actor            text        not null,
    request_id       text,
    created_at       timestamptz not null default now(),
    check (from_bucket <> to_bucket),
    check (source in ('ERP_API', 'WAREHOUSE', 'MANUAL', 'COUNT', 'RESERVATION', 'SYSTEM'))
);

create index stock_movement_item on stock_movement (seller_id, seller_sku, warehouse_id, id);

-- Every change of a balance, with the state before and after (rule INV-5).
create table stock_audit (
    id             bigint generated always as identity primary key,
    seller_id      text        not null,
    seller_sku     text        not null,
    warehouse_id   text        not null,
    actor          text        not null,
    path           text        not null,
    reason         text        not null,
    before_state   jsonb       not null,
    after_state    jsonb       not null,
    reference      text,
    created_at     timestamptz not null default now()
);

create index stock_audit_sku on stock_audit (seller_id, seller_sku, created_at, id);
create index stock_audit_seller on stock_audit (seller_id, created_at, id);

-- Manual and integration edits counted for the edit-rate rule (INV-4); counted in the database so that the limit
-- holds across replicas.
create table stock_edit (
    id          bigint generated always as identity primary key,
    seller_id   text        not null,
    seller_sku  text        not null,
    actor       text        not null,
    created_at  timestamptz not null default now()
);

create index stock_edit_window on stock_edit (seller_id, seller_sku, created_at);

-- The ledger and the audit trail are append-only: nothing updates or deletes them (rules STK-2, INV-5).
create function refuse_ledger_rewrite() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end
$$;

create trigger stock_movement_append_only before update or delete on stock_movement
    for each statement execute function refuse_ledger_rewrite();
create trigger stock_audit_append_only before update or delete on stock_audit
    for each statement execute function refuse_ledger_rewrite();
create trigger stock_movement_no_truncate before truncate on stock_movement
    for each statement execute function refuse_ledger_rewrite();
create trigger stock_audit_no_truncate before truncate on stock_audit
    for each statement execute function refuse_ledger_rewrite();
