alter table channel_connection drop constraint channel_connection_status_check;
alter table channel_connection add constraint channel_connection_status_check
    check (status in ('PENDING_AUTHORIZATION', 'ACTIVE', 'REAUTHORIZATION_REQUIRED', 'UNAUTHORIZED_CHANNEL', 'REVOKED'));

-- a product offered on one channel connection in one market (LST-1..5)
create table listing (
    id                    uuid primary key,
    seller_id             text        not null,
    product_id            uuid        not null references product (id),
    connection_id         uuid        not null references channel_connection (id),
    market                text        not null,
    status                text        not null check (status in ('DRAFT', 'PUBLISHING', 'IN_REVIEW', 'LIVE', 'FAILED',
                                                                 'DELISTED', 'FROZEN')),
    failures              jsonb       not null default '{"items":[]}'::jsonb,
    channel_product_id    text,
    -- seller SKU -> the channel's SKU id, as the channel answered the publication
    channel_skus          jsonb       not null default '{}'::jsonb,
    publishing_since      timestamptz,
    -- LST-5: set when the channel's stock drifted from the ledger's; republication waits for a recalibration
    recalibration_required boolean    not null default false,
    stock_drift           jsonb,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null default 0,
    constraint listing_once_per_connection unique (product_id, connection_id, market)
);

create index listing_seller_page on listing (seller_id, created_at, id);
create unique index listing_channel_product on listing (connection_id, channel_product_id)
    where channel_product_id is not null;

-- every publication attempt, kept (LST-1, LST-4)
create table listing_attempt (
    id            uuid primary key,
    listing_id    uuid        not null references listing (id),
    seller_id     text        not null,
    seller_skus   text[]      not null,
    -- LOCAL, COMPLIANCE or CHANNEL: how far it got
    stage         text        not null,
    -- SUBMITTED / LIVE / IN_REVIEW / FAILED / NOT_SUBMITTED
    outcome       text        not null,
    -- reached the channel: only these count towards the 72-hour lock
    submitted     boolean     not null,
    failures      jsonb       not null default '{"items":[]}'::jsonb,
    compliance_check_id uuid,
    attempted_by  text        not null,
    attempted_at  timestamptz not null,
    decided_at    timestamptz
);

create index listing_attempt_listing on listing_attempt (listing_id, attempted_at);
create index listing_attempt_failed_skus on listing_attempt using gin (seller_skus) where submitted and outcome = 'FAILED';

-- LST-4: a SKU locked from publication after too many failed submissions
create table publication_lock (
    seller_id     text        not null,
    seller_sku    text        not null,
    locked_until  timestamptz not null,
    reason        text        not null,
    primary key (seller_id, seller_sku)
);

-- the channel's notifications, deduplicated by the channel's id
create table channel_notification (
    notification_id  text primary key,
    connection_id    uuid        not null references channel_connection (id),
    type             integer     not null,
    body             jsonb       not null,
    received_at      timestamptz not null
);
