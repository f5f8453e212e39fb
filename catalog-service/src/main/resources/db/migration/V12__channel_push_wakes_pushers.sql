-- Pushers wake when a quantity to push is committed instead of polling for it: 'stockbridge_channel_push' reaches
-- every replica's listening connection at commit. A new pending quantity, or a newer one overwriting it, notifies;
-- the pushers' own updates (claims, acknowledgements, retries) touch neither column and do not.
create function channel_push_committed() returns trigger language plpgsql as $$
begin
  perform pg_notify('stockbridge_channel_push', '');
  return null;
end $$;

create trigger channel_push_wakes_pushers after insert or update of quantity, stock_version on channel_push
  for each row when (new.status = 'PENDING') execute function channel_push_committed();
