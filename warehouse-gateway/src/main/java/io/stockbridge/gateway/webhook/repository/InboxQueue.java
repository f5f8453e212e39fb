package io.stockbridge.gateway.webhook.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.config.InboxConfig;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The order the inbox is worked off in. A round takes the waiting events in turns: the oldest event of every
 * warehouse first, then the second oldest of each, and so on, so a warehouse that floods the inbox (or whose events
 * keep failing) holds only its own share of a round, never every other seller's. An event that could not be
 * processed waits its back-off before it is taken again.
 */
@ApplicationScoped
public class InboxQueue {
  private static final String TAKE = """
      select e.id from (select distinct warehouse_id from inbound_event where status = 'RECEIVED') w
      cross join lateral (
        select i.id, i.created_at, row_number() over (order by i.created_at, i.id) as turn
        from inbound_event i
        where i.warehouse_id = w.warehouse_id and i.status = 'RECEIVED'
          and (i.next_attempt_at is null or i.next_attempt_at <= $1)
        order by i.created_at, i.id
        limit $2) e
      order by e.turn, e.created_at, e.id
      limit $2""";
  // the event's own failure counts towards parking it; an outage of catalog-service does not (see InboxProcessor)
  private static final String DEFER = """
      update inbound_event e set
        attempts = e.attempts + d.counts,
        next_attempt_at = $2::timestamptz + make_interval(secs => least(power(2, least(e.attempts, 20)), $3)),
        status = case when e.attempts + d.counts >= $4 then 'PARKED' else e.status end,
        reason = case when e.attempts + d.counts >= $4
          then 'failed ' || (e.attempts + d.counts) || ' times; the last: ' || d.reason || '. Replay it once fixed'
          else d.reason end
      from unnest($1::uuid[], $5::text[], $6::int[]) as d(id, reason, counts)
      where e.id = d.id and e.status = 'RECEIVED'""";

  private final Pool pool;
  private final InboxConfig config;
  private final SuiteClock clock;

  public InboxQueue(Pool pool, InboxConfig config, SuiteClock clock) {
    this.pool = pool;
    this.config = config;
    this.clock = clock;
  }

  /** The ids of the events the next round takes, in turns across warehouses (at most a batch). */
  public Uni<List<UUID>> nextRound() {
    return pool.preparedQuery(TAKE).execute(Tuple.of(clock.now(), config.batchSize())).map(rows -> {
      List<UUID> ids = new ArrayList<>(rows.size());
      rows.forEach(row -> ids.add(row.getUUID(0)));
      return ids;
    });
  }

  /** An event that waits for a later round, with why; {@code counts}: whether this failure was the event's own. */
  public record Deferral(UUID eventId, String reason, boolean counts) {
  }

  /** Puts the events back with their back-off; those out of attempts are parked with the last reason. */
  public Uni<Integer> defer(List<Deferral> deferrals) {
    if (deferrals.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return pool.preparedQuery(DEFER).execute(Tuple.tuple(List.of(
            deferrals.stream().map(Deferral::eventId).toArray(UUID[]::new), clock.now(),
            (double) config.maxBackoff().toSeconds(), config.maxAttempts(),
            deferrals.stream().map(Deferral::reason).toArray(String[]::new),
            deferrals.stream().map(d -> d.counts() ? 1 : 0).toArray(Integer[]::new))))
        .map(rows -> rows.rowCount());
  }
}
