-- What an event is about in the sender's own books (the gateway's inbound event that a snapshot came from), so the
-- sender can tell its users whether that thing has reached the receiver: delivered, still on its way, or dead.
alter table outbox_event add column subject text;
create index outbox_event_subject on outbox_event (subject) where subject is not null;
-- a superseded event counts as delivered once a newer value of its key was
create index outbox_event_coalesce_delivered on outbox_event (destination, coalesce_key, coalesce_order)
    where status = 'DELIVERED' and coalesce_key is not null;
