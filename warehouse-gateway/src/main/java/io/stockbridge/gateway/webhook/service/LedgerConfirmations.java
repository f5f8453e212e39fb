package io.stockbridge.gateway.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.config.InboxConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tells the truth about a delivering event once the ledger has answered for all its snapshots: APPLIED when each was
 * delivered or superseded by a newer reading of its item that was delivered, REJECTED with the ledger's reason when
 * one became a dead letter. A dead letter replayed from the outbox puts its event back to DELIVERING. The outbox records which inbound
 * event each snapshot is about ({@code subject}), so this is two statements a round whatever the backlog.
 */
@ApplicationScoped
public class LedgerConfirmations {
  // a superseded snapshot is settled when no newer value of its item is still on its way, and applied only if one was;
  // "offset 0" keeps newer_refused a lookup per row: as a hashed subplan it read the whole outbox twice per round,
  // which took a core at 500 readings/s and grew with the outbox (issue 19)
  // "materialized": inlined into the update, the whole search ran again for every row another transaction touched
  // meanwhile (the update's recheck), and a round at 500 readings/s took 30-40 s of a core (issue 19)
  private static final String CONFIRM = """
      with answered as materialized (
        select e.id,
          (select string_agg(o.last_error, '; ' order by o.created_at) from outbox_event o
           where o.subject = e.id::text and o.status = 'DEAD') as refusal,
          exists (select 1 from outbox_event o
                  where o.subject = e.id::text and o.status = 'SUPERSEDED' and not exists (
                    select 1 from outbox_event n
                    where n.destination = o.destination and n.coalesce_key = o.coalesce_key and n.status = 'DELIVERED'
                      and left(n.coalesce_order, 1) = left(o.coalesce_order, 1)
                      and n.coalesce_order > o.coalesce_order) offset 0) as newer_refused
        from inbound_event e
        where e.status = 'DELIVERING'
          and not exists (
            select 1 from outbox_event o
            where o.subject = e.id::text and (o.status = 'PENDING' or (o.status = 'SUPERSEDED' and exists (
              select 1 from outbox_event n
              where n.destination = o.destination and n.coalesce_key = o.coalesce_key and n.status = 'PENDING'))))
        order by e.created_at
        limit $1)
      update inbound_event e
      set status = case when a.refusal is null and not a.newer_refused then 'APPLIED' else 'REJECTED' end,
          reason = case
            when a.refusal is not null then 'the ledger refused it: ' || a.refusal
            when a.newer_refused then 'superseded by a newer reading of the item, which the ledger refused'
          end
      from answered a
      where e.id = a.id and e.status = 'DELIVERING'""";
  // by the inbox's key, not its text: comparing e.id::text read the whole inbox on every round (issue 19)
  private static final String REOPEN = """
      update inbound_event e set status = 'DELIVERING', reason = null
      where e.status = 'REJECTED' and e.id in (
        select o.subject::uuid from outbox_event o
        where o.status = 'PENDING' and o.replays > 0
          and o.subject ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')""";

  private final Pool pool;
  private final InboxConfig config;

  public LedgerConfirmations(Pool pool, InboxConfig config) {
    this.pool = pool;
    this.config = config;
  }

  @Scheduled(every = "${stockbridge.gateway.inbox.confirm-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduledConfirm() {
    return confirm()
        .onFailure().invoke(e -> Log.warnf("Confirming delivered inbox events failed; the next round retries: %s",
            e.getMessage()))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }

  /** One round; @return how many events became applied or rejected */
  public Uni<Integer> confirm() {
    return pool.query(REOPEN).execute()
        .chain(() -> pool.preparedQuery(CONFIRM).execute(Tuple.of(config.purgeBatchSize())))
        .map(SqlResult::rowCount);
  }
}
