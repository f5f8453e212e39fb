-- finished events are purged by age in batches (OutboxDispatcher.purgeFinished); this finds them without a scan
create index outbox_event_finished on outbox_event (created_at) where status <> 'PENDING';
