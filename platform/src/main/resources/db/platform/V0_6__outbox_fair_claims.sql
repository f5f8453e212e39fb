-- Fair claims: a round takes the waiting events in turns across sellers (each seller's oldest, then each one's
-- second, ...), so one seller's backlog never holds back another seller's events.
create index outbox_event_pending_by_seller on outbox_event (seller_id, available_at, created_at)
    where status = 'PENDING';
