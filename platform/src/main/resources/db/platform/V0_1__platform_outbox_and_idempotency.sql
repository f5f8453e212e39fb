-- Platform tables every service has. Platform migrations are numbered 0.x so that they run before a
-- service's own migrations (numbered from 1).

create table outbox_event (
    id             uuid primary key,
    seller_id      text,
    destination    text        not null,
    path           text        not null,
    event_type     text        not null,
    payload        text        not null,
    traceparent    text,
    status         text        not null default 'PENDING',
    attempts       integer     not null default 0,
    created_at     timestamptz not null default now(),
    available_at   timestamptz not null default now(),
    claimed_by     text,
    claimed_until  timestamptz,
    delivered_at   timestamptz,
    last_error     text,
    constraint outbox_event_status check (status in ('PENDING', 'DELIVERED', 'REJECTED'))
);

-- The dispatcher's claim query scans only what is still to be sent.
create index outbox_event_pending on outbox_event (available_at, created_at) where status = 'PENDING';

create table idempotency_record (
    seller_id    text        not null,
    scope        text        not null,
    idem_key     text        not null,
    fingerprint  text        not null,
    result       text,
    created_at   timestamptz not null,
    primary key (seller_id, scope, idem_key)
);

create index idempotency_record_created on idempotency_record (created_at);
