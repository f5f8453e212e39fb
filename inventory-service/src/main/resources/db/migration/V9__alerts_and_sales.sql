-- Sales per day (rules CNT-2, CNT-3, CNT-4): the ledger's own shipments, reserved units leaving the warehouse, summed
-- per SKU, warehouse and day (UTC). Kept by the ledger itself, so no path that ships units can forget it, and read
-- instead of the movements, which a hot SKU has millions of.
create table sales_day (
    seller_id     text   not null,
    seller_sku    text   not null,
    warehouse_id  text   not null,
    day           date   not null,
    units         bigint not null check (units >= 0),
    shipments     int    not null check (shipments >= 0),
    primary key (seller_id, seller_sku, warehouse_id, day)
);

create function record_sales() returns trigger language plpgsql as $$
begin
    insert into sales_day (seller_id, seller_sku, warehouse_id, day, units, shipments)
    select seller_id, seller_sku, warehouse_id, (created_at at time zone 'UTC')::date, sum(quantity), count(*)
    from shipped_rows where from_bucket = 'RESERVED' and to_bucket = 'OUTSIDE'
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (seller_id, seller_sku, warehouse_id, day)
        do update set units = sales_day.units + excluded.units, shipments = sales_day.shipments + excluded.shipments;
    return null;
end
$$;

create trigger stock_movement_sales after insert on stock_movement
    referencing new table as shipped_rows for each statement execute function record_sales();

insert into sales_day (seller_id, seller_sku, warehouse_id, day, units, shipments)
select seller_id, seller_sku, warehouse_id, (created_at at time zone 'UTC')::date, sum(quantity), count(*)
from stock_movement where from_bucket = 'RESERVED' and to_bucket = 'OUTSIDE'
group by 1, 2, 3, 4;

-- The replenishment policy (rule CNT-2): how many days a reorder takes to arrive; null takes the configured default.
alter table stock_balance add column lead_time_days int check (lead_time_days between 0 and 365);

-- The seller's alert feed: one alert per cause while it is not resolved (an acknowledged alert is still the one).
create table alert (
    id               uuid        primary key,
    seller_id        text        not null,
    type             text        not null,
    cause            text        not null,
    seller_sku       text,
    warehouse_id     text,
    status           text        not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    summary          text        not null,
    details          jsonb       not null,
    raised_by        text        not null,
    opened_at        timestamptz not null,
    updated_at       timestamptz not null,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    acknowledgement_note text,
    resolved_at      timestamptz,
    resolution       text
);
create unique index alert_one_per_cause on alert (seller_id, type, cause) where status <> 'RESOLVED';
create index alert_seller_page on alert (seller_id, opened_at, id);
create index alert_unresolved_type on alert (type) where status <> 'RESOLVED';
