-- settled events are purged by age (InboxRetention); parked and waiting ones are never in this index
create index inbound_event_settled on inbound_event (created_at) where status in ('APPLIED', 'REJECTED');
