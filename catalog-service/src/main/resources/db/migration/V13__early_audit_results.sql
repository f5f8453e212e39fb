-- The channel may send a product's audit result before catalog-service has committed the listing that holds the
-- product (the create call's answer and the webhook race). Such a result waits here until the listing is recorded,
-- which applies and deletes it; a row older than a day belongs to no listing of ours and is purged.
create table early_audit_result (
    connection_id       uuid        not null references channel_connection (id),
    channel_product_id  text        not null,
    passed              boolean     not null,
    reasons             text[]      not null,
    received_at         timestamptz not null,
    primary key (connection_id, channel_product_id)
);
