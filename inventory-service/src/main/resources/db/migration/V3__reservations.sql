-- Reservations (rules RES-1, RES-2): an order's pre-allocation of sellable units, per line and warehouse.
create table reservation (
    id                  uuid primary key,
    seller_id           text        not null,
    order_id            text        not null,
    status              text        not null check (status in ('ACTIVE', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    request_fingerprint text        not null,
    created_by          text        not null,
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    closed_at           timestamptz,
    constraint reservation_one_per_order unique (seller_id, order_id)
);

create index reservation_expiry on reservation (expires_at) where status = 'ACTIVE';

create table reservation_allocation (
    reservation_id  uuid   not null references reservation (id),
    line_no         int    not null,
    seller_sku      text   not null,
    warehouse_id    text   not null,
    quantity        bigint not null check (quantity > 0),
    primary key (reservation_id, line_no, warehouse_id)
);
