package io.stockbridge.platform.outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The dead letters of this service's outbox: listed for their seller (a platform admin sees every seller's), and
 * replayed on request with a fresh retry window. A replayed event keeps its id, so a receiver that did take it after
 * all answers the repeat from its idempotency record and nothing is applied twice.
 */
@ApplicationScoped
public class DeadLetters {
  private static final String COLUMNS = "id, destination, event_type, status, receiver_status, receiver_code, "
      + "last_error, payload, attempts, replays, created_at, dead_at";
  /** Dead letters waiting for a decision; once replayed an event leaves the list (find still shows it). */
  private static final String LIST = "select " + COLUMNS + " from outbox_event where status = 'DEAD' "
      + "and ($1::text is null or seller_id = $1) and ($2::text is null or destination = $2) "
      + "and ($3::text is null or event_type = $3) "
      + "and ($4::timestamptz is null or (dead_at, id) > ($4, $5)) order by dead_at, id limit $6";
  private static final String FIND = "select " + COLUMNS + " from outbox_event where id = $1 and dead_at is not null "
      + "and ($2::text is null or seller_id = $2)";
  private static final String REPLAY = "update outbox_event set status = 'PENDING', available_at = $3, retry_since = $3, "
      + "attempts = 0, replays = replays + 1, claimed_until = null where id = $1 and status = 'DEAD' "
      + "and ($2::text is null or seller_id = $2) returning " + COLUMNS;

  private final Pool pool;
  private final OutboxDispatcher dispatcher;
  private final SuiteClock clock;

  public DeadLetters(Pool pool, OutboxDispatcher dispatcher, SuiteClock clock) {
    this.pool = pool;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /**
   * @param sellerId whose dead letters; null for every seller's (platform staff)
   */
  public Uni<Page<DeadLetterView>> list(String sellerId, String destination, String eventType, String cursor,
      int limit) {
    PageCursor after = PageCursor.decode(cursor);
    return pool.preparedQuery(LIST)
        .execute(Tuple.tuple(Arrays.asList(sellerId, destination, eventType, after == null ? null : after.createdAt(),
            after == null ? null : after.id(), limit + 1)))
        .map(rows -> {
          List<DeadLetterView> found = new ArrayList<>();
          rows.forEach(row -> found.add(view(row)));
          return Page.of(found, limit, v -> new PageCursor(v.deadAt(), v.id()), v -> v);
        });
  }

  /** One dead letter (also after its replay, with its current status), or 404. */
  public Uni<DeadLetterView> find(String sellerId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, sellerId))
        .map(rows -> {
          if (rows.size() == 0) {
            throw ProblemException.notFound("Dead letter", id.toString());
          }
          return view(rows.iterator().next());
        });
  }

  /** Sends the event again, as if it had just been written; 409 when it is not dead (any more). */
  public Uni<DeadLetterView> replay(String sellerId, UUID id) {
    return pool.preparedQuery(REPLAY).execute(Tuple.of(id, sellerId, clock.now()))
        .chain(rows -> {
          if (rows.size() == 1) {
            dispatcher.wake();
            return Uni.createFrom().item(view(rows.iterator().next()));
          }
          return find(sellerId, id).map(current -> {
            throw ProblemException.conflict(CommonProblem.NOT_A_DEAD_LETTER,
                "The event is " + current.status() + ", not a dead letter waiting for a replay");
          });
        });
  }

  private static DeadLetterView view(Row row) {
    return new DeadLetterView(row.getUUID("id"), row.getString("destination"), row.getString("event_type"),
        row.getString("status"), row.getInteger("receiver_status"), row.getString("receiver_code"),
        row.getString("last_error"), row.getString("payload"), row.getInteger("attempts"), row.getInteger("replays"),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("dead_at"));
  }
}
