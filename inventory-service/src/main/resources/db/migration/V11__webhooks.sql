-- Outbound webhooks: sellers and their ERPs subscribe a URL to events; every event becomes one delivery per
-- subscription, signed as Standard Webhooks specify, retried with back-off for a while, then dead and replayable.

create table webhook_subscription (
    id                   uuid        primary key,
    seller_id            text        not null,
    url                  text        not null,
    events               text[]      not null,
    description          text,
    -- the signing secret, encrypted at rest (AES-GCM, bound to the subscription id); shown to the seller once
    secret_sealed        text        not null,
    created_by           text        not null,
    created_at           timestamptz not null,
    deleted_at           timestamptz,
    -- the receiver's own breaker: failures in a row, and until when it is left alone
    consecutive_failures int         not null default 0,
    paused_until         timestamptz
);
create index webhook_subscription_seller on webhook_subscription (seller_id, created_at, id) where deleted_at is null;

create table webhook_delivery (
    -- the webhook-id the receiver sees, the same on every attempt
    id                   uuid        primary key,
    subscription_id      uuid        not null references webhook_subscription (id),
    seller_id            text        not null,
    -- what happened, once per subscription however often it is told (an outbox message delivered twice)
    event_id             text        not null,
    event_type           text        not null,
    payload              jsonb       not null,
    -- a value that states the whole current state (an available quantity) replaces one not yet sent
    coalesce_key         text,
    coalesce_order       bigint,
    status               text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD', 'CANCELLED')),
    attempts             int         not null default 0,
    created_at           timestamptz not null default clock_timestamp(),
    next_attempt_at      timestamptz not null default clock_timestamp(),
    last_attempt_at      timestamptz,
    last_response_status int,
    last_error           text,
    delivered_at         timestamptz,
    dead_at              timestamptz,
    replayed_at          timestamptz,
    constraint webhook_delivery_once unique (subscription_id, event_id)
);
create unique index webhook_delivery_coalesce on webhook_delivery (subscription_id, coalesce_key)
    where status = 'PENDING' and attempts = 0 and coalesce_key is not null;
create index webhook_delivery_due on webhook_delivery (subscription_id, next_attempt_at) where status = 'PENDING';
create index webhook_delivery_window on webhook_delivery ((coalesce(replayed_at, created_at))) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at, id);

-- One event to every subscription of the seller that asked for its type, inside the transaction that caused it.
create function webhook_fan_out(p_seller text, p_type text, p_event_id text, p_data jsonb, p_occurred_at timestamptz,
    p_coalesce_key text default null, p_coalesce_order bigint default null) returns int language plpgsql as $$
declare
    fanned int;
    body jsonb := jsonb_build_object('type', p_type,
        'timestamp', to_char(p_occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'data', p_data);
begin
    if p_coalesce_key is null then
        insert into webhook_delivery (id, subscription_id, seller_id, event_id, event_type, payload, status)
        select gen_random_uuid(), s.id, s.seller_id, p_event_id, p_type, body, 'PENDING'
        from webhook_subscription s
        where s.seller_id = p_seller and s.deleted_at is null and p_type = any (s.events)
        on conflict (subscription_id, event_id) do nothing;
    else
        insert into webhook_delivery (id, subscription_id, seller_id, event_id, event_type, payload, status,
            coalesce_key, coalesce_order)
        select gen_random_uuid(), s.id, s.seller_id, p_event_id, p_type, body, 'PENDING', p_coalesce_key,
            p_coalesce_order
        from webhook_subscription s
        where s.seller_id = p_seller and s.deleted_at is null and p_type = any (s.events)
        on conflict (subscription_id, coalesce_key) where status = 'PENDING' and attempts = 0 and coalesce_key is not null
        do update set payload = excluded.payload, event_id = excluded.event_id,
            coalesce_order = excluded.coalesce_order
        where webhook_delivery.coalesce_order <= excluded.coalesce_order;
    end if;
    get diagnostics fanned = row_count;
    return fanned;
end
$$;

create function alert_webhooks() returns trigger language plpgsql as $$
declare
    kind text := case when tg_op = 'INSERT' then 'alert.opened' else 'alert.resolved' end;
begin
    perform webhook_fan_out(new.seller_id, kind, kind || ':' || new.id,
        jsonb_build_object('id', new.id, 'type', new.type, 'status', new.status, 'sellerSku', new.seller_sku,
            'warehouseId', new.warehouse_id, 'summary', new.summary, 'details', new.details,
            'openedAt', new.opened_at, 'resolvedAt', new.resolved_at, 'resolution', new.resolution),
        coalesce(new.resolved_at, new.opened_at));
    return null;
end
$$;
create trigger alert_opened_webhooks after insert on alert for each row execute function alert_webhooks();
create trigger alert_resolved_webhooks after update of status on alert for each row
    when (new.status = 'RESOLVED' and old.status <> 'RESOLVED') execute function alert_webhooks();

-- The ledger tells the channel edge of every change of an available quantity through its outbox; subscribers hear
-- the same change, the newest standing in for any not yet sent.
create function available_webhooks() returns trigger language plpgsql as $$
declare
    change jsonb := new.payload::jsonb;
begin
    perform webhook_fan_out(new.seller_id, 'stock.available_changed', 'stock.available_changed:' || new.id,
        change, new.created_at,
        (change ->> 'sellerSku') || '|' || (change ->> 'warehouseId'), (change ->> 'version')::bigint);
    return null;
end
$$;
create trigger outbox_available_webhooks after insert on outbox_event for each row
    when (new.event_type = 'stock.available-changed') execute function available_webhooks();

create function reservation_expired_webhooks() returns trigger language plpgsql as $$
begin
    perform webhook_fan_out(new.seller_id, 'reservation.expired', 'reservation.expired:' || new.id,
        jsonb_build_object('reservationId', new.id, 'orderId', new.order_id, 'createdAt', new.created_at,
            'expiresAt', new.expires_at, 'expiredAt', new.closed_at,
            'lines', (select coalesce(jsonb_agg(jsonb_build_object('lineNo', a.line_no, 'sellerSku', a.seller_sku,
                        'warehouseId', a.warehouse_id, 'quantity', a.quantity) order by a.line_no, a.warehouse_id),
                        '[]'::jsonb)
                      from reservation_allocation a where a.reservation_id = new.id)),
        coalesce(new.closed_at, clock_timestamp()));
    return null;
end
$$;
create trigger reservation_expired_webhooks after update of status on reservation for each row
    when (new.status = 'EXPIRED' and old.status <> 'EXPIRED') execute function reservation_expired_webhooks();

create function calibration_opened_webhooks() returns trigger language plpgsql as $$
begin
    perform webhook_fan_out(new.seller_id, 'calibration.opened', 'calibration.opened:' || new.id,
        jsonb_build_object('taskId', new.id, 'sellerSku', new.seller_sku, 'warehouseId', new.warehouse_id,
            'status', new.status, 'expectedSellable', new.expected_sellable,
            'observedSellable', new.observed_sellable, 'unexplained', new.unexplained, 'withheld', new.withheld,
            'openedAt', new.opened_at, 'dueAt', new.due_at),
        new.opened_at);
    return null;
end
$$;
create trigger calibration_opened_webhooks after insert on calibration_task for each row
    execute function calibration_opened_webhooks();
