-- WMS credentials, sealed (AES-GCM) JSON; never returned or logged.
alter table warehouse_connection add column credentials text;

-- Webhook secrets (sealed). The current secret has no retirement; after a rotation the previous one keeps
-- verifying until retires_at, so a partner can switch without losing events.
create table webhook_secret (
    id             uuid primary key,
    warehouse_id   uuid        not null references warehouse_connection (id),
    sealed_secret  text        not null,
    created_at     timestamptz not null,
    retires_at     timestamptz
);

create index webhook_secret_warehouse on webhook_secret (warehouse_id, created_at);

-- The inbox: every verified webhook, stored before it is acknowledged, processed afterwards.
create table inbound_event (
    id                uuid primary key,
    warehouse_id      uuid        not null references warehouse_connection (id),
    seller_id         text        not null,
    source_event_id   text        not null,
    source_timestamp  timestamptz not null,
    created_at        timestamptz not null,
    body              text        not null,
    status            text        not null check (status in ('RECEIVED', 'APPLIED', 'PARKED', 'REJECTED')),
    reason            text,
    constraint inbound_event_once unique (warehouse_id, source_event_id)
);

create index inbound_event_page on inbound_event (warehouse_id, created_at, id);
create index inbound_event_pending on inbound_event (created_at) where status = 'RECEIVED';
