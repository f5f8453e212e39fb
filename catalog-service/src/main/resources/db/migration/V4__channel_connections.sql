-- Channel connections (rules CH-1..4): a seller's authorisation of Stockbridge on a channel shop. Tokens are sealed
-- (AES-GCM) and never returned; the authorisation state is kept only as its SHA-256.
create table channel_connection (
    id                     uuid primary key,
    seller_id              text        not null,
    channel                text        not null,
    region                 text        not null,
    status                 text        not null
        check (status in ('PENDING_AUTHORIZATION', 'ACTIVE', 'REAUTHORIZATION_REQUIRED', 'REVOKED')),
    status_reason          text,
    shop_id                text,
    shop_cipher            text,
    shop_name              text,
    open_id                text,
    granted_scopes         text,
    access_token           text,
    access_expires_at      timestamptz,
    refresh_token          text,
    refresh_expires_at     timestamptz,
    state_hash             text,
    state_expires_at       timestamptz,
    refresh_claimed_until  timestamptz,
    last_refreshed_at      timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null default 0
);

create index channel_connection_seller on channel_connection (seller_id, created_at, id);
create unique index channel_connection_state on channel_connection (state_hash) where state_hash is not null;
create index channel_connection_shop on channel_connection (channel, shop_id) where shop_id is not null;
-- the refresher looks for active connections whose access token expires soon
create index channel_connection_refresh on channel_connection (access_expires_at) where status = 'ACTIVE';
