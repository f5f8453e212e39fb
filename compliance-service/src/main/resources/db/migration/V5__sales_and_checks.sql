-- A seller's sales per market and month (rule CMP-4), as reported by the suite: the month's running total.
create table monthly_sales (
    seller_id   text          not null,
    market      text          not null,
    month       date          not null check (extract(day from month) = 1),
    amount_usd  numeric(14, 2) not null check (amount_usd >= 0),
    updated_at  timestamptz   not null,
    primary key (seller_id, market, month)
);

-- Every publication check, with what it was asked, the rule version it used and what it answered.
create table publication_check (
    id            uuid primary key,
    seller_id     text        not null,
    market        text        not null,
    category      text        not null,
    product_id    text        not null,
    request       jsonb       not null,
    rule_version  integer     not null references rule_set_version (version),
    compliant     boolean     not null,
    -- {"failures": [...], "warnings": [...]}
    findings      jsonb       not null,
    checked_by    text        not null,
    created_at    timestamptz not null
);

create index publication_check_seller_page on publication_check (seller_id, created_at, id);
-- the dashboard reads the latest check of each product
create index publication_check_latest on publication_check (seller_id, market, product_id, created_at desc);
