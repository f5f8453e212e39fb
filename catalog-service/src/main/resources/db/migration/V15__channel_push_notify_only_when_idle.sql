-- As for the outbox: notify only when no other quantity became due in the last two seconds and is still waiting (a
-- pusher at work keeps running rounds until one finds nothing), so that busy commits do not queue on PostgreSQL's
-- notification lock; the window keeps the check to a short range of the due index.
create or replace function channel_push_committed() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from channel_push p
                 where p.status = 'PENDING'
                   and p.next_attempt_at between now() - interval '2 seconds' and now() + interval '100 milliseconds'
                   and p.id <> new.id) then
    perform pg_notify('stockbridge_channel_push', '');
  end if;
  return null;
end $$;
