-- Pushed and refused quantities are kept for inspection for a while, then purged (the queue would otherwise grow
-- by every push, for ever).
create index channel_push_settled on channel_push (created_at) where status in ('PUSHED', 'REFUSED');
