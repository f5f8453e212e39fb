-- Physical counts (rule CNT-1): plans per warehouse produce counts, each a list of SKUs with the ledger's figure
-- frozen when the count starts; the counted figures' variance becomes COUNT adjustments.
create table count_plan (
    id              uuid        primary key,
    seller_id       text        not null,
    warehouse_id    text        not null,
    kind            text        not null check (kind in ('CYCLE', 'FULL', 'CAMPAIGN')),
    name            text,
    starts_at       timestamptz,
    ends_at         timestamptz,
    -- a campaign's SKUs, separated by single spaces (SKU codes never contain one)
    seller_skus     text,
    active          boolean     not null default true,
    next_run_at     timestamptz,
    claimed_until   timestamptz,
    last_run_at     timestamptz,
    created_at      timestamptz not null,
    foreign key (seller_id, warehouse_id) references known_warehouse (seller_id, warehouse_id)
);
create index count_plan_seller_page on count_plan (seller_id, created_at, id);
create index count_plan_due on count_plan (next_run_at) where active;

create table stock_count (
    id              uuid        primary key,
    seller_id       text        not null,
    warehouse_id    text        not null,
    plan_id         uuid        references count_plan (id),
    purpose         text        not null
        check (purpose in ('CYCLE', 'FULL', 'CAMPAIGN_BEFORE', 'CAMPAIGN_AFTER', 'AD_HOC')),
    status          text        not null check (status in ('OPEN', 'PENDING_APPROVAL', 'APPLIED')),
    created_at      timestamptz not null,
    submitted_at    timestamptz,
    submitted_by    text,
    approved_by     text,
    applied_at      timestamptz
);
create index stock_count_seller_page on stock_count (seller_id, created_at, id);

create table stock_count_line (
    id              uuid        primary key,
    count_id        uuid        not null references stock_count (id),
    seller_sku      text        not null,
    velocity_class  text        check (velocity_class in ('A', 'B', 'C')),
    expected        bigint      not null,
    counted         bigint      check (counted >= 0),
    variance        bigint,
    unique (count_id, seller_sku)
);

alter table stock_balance add column last_counted_at timestamptz;
