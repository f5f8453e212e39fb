-- DELIVERING: the event's snapshots are on their way to the ledger. It becomes APPLIED once the ledger took each one
-- (or a newer reading superseded it), REJECTED with the ledger's reason if the ledger refused one for good.
alter table inbound_event drop constraint inbound_event_status_check;
alter table inbound_event add constraint inbound_event_status_check
    check (status in ('RECEIVED', 'DELIVERING', 'APPLIED', 'PARKED', 'REJECTED'));
create index inbound_event_delivering on inbound_event (created_at) where status = 'DELIVERING';
