-- Reservations by when they last changed (created, or closed), for integrations that reconcile what changed since
-- their last look.
create index reservation_seller_changed on reservation (seller_id, (coalesce(closed_at, created_at)), id);
