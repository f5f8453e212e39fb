create table category_access_request (
    id               uuid primary key,
    seller_id        text        not null,
    market           text        not null,
    category         text        not null,
    justification    text,
    status           text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by     text        not null,
    created_at       timestamptz not null,
    decided_by       text,
    decided_at       timestamptz,
    decision_reason  text,
    version          bigint      not null default 0
);

create index category_access_request_page on category_access_request (created_at, id);
create index category_access_request_seller on category_access_request (seller_id, created_at, id);
-- at most one open request per seller, market and category, even under concurrent requests
create unique index category_access_request_one_pending on category_access_request (seller_id, market, category)
    where status = 'PENDING';
