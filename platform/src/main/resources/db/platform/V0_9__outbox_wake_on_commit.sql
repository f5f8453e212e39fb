-- Dispatchers wake when events are committed instead of polling for them: a notification on 'stockbridge_outbox'
-- reaches every replica's listening connection at commit (PostgreSQL folds the notifications of one transaction
-- into one). Only inserts notify: a dispatcher's own claims and settlements are updates and must not wake it again.
create function outbox_event_committed() returns trigger language plpgsql as $$
begin
  perform pg_notify('stockbridge_outbox', '');
  return null;
end $$;

create trigger outbox_event_wakes_dispatchers after insert on outbox_event
  for each row execute function outbox_event_committed();
