-- Promotions (flash sales) a seller runs on the channel: while one runs, hand edits of its SKUs are refused
-- (rule INV-1), so a sale never sells stock someone just took away. Overlapping promotions stack.
create table promotion (
    id            uuid primary key,
    seller_id     text        not null,
    name          text        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    cancelled_at  timestamptz,
    cancelled_by  text,
    created_by    text        not null,
    created_at    timestamptz not null,
    constraint promotion_ends_after_it_starts check (ends_at > starts_at)
);

create index promotion_seller on promotion (seller_id, created_at, id);

create table promotion_sku (
    promotion_id  uuid not null references promotion (id),
    seller_id     text not null,
    seller_sku    text not null,
    primary key (promotion_id, seller_sku)
);

create index promotion_sku_lookup on promotion_sku (seller_id, seller_sku);
