-- The alerts this service has told inventory-service are raised, one row per cause while it holds: the next report
-- round raises what is new or changed and clears what went away, so a cause is told once, not every round.
create table reported_alert (
    seller_id     text        not null,
    type          text        not null,
    cause         text        not null,
    seller_sku    text,
    warehouse_id  text,
    summary       text        not null,
    details       jsonb       not null,
    reported_at   timestamptz not null,
    primary key (seller_id, type, cause)
);
