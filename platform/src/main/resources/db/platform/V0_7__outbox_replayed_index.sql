-- Replayed dead letters still on their way: looked for every second (the gateway reopens their inbound events), so
-- found through a tiny index instead of a scan of every waiting event.
create index outbox_event_replayed on outbox_event (subject) where status = 'PENDING' and replays > 0;
