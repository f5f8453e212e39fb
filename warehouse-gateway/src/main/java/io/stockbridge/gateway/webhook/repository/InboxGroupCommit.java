package io.stockbridge.gateway.webhook.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of the inbox. Stores webhook arrivals in groups: while one insert is on its way to the database, the arrivals that come in wait
 * and go together in the next one, one statement and one commit for the lot. Each sender still gets its own answer
 * (stored now, or already there), and only after the commit that made its event durable. Under light load every
 * arrival is written at once, alone; under heavy load the database sees far fewer commits.
 */
@ApplicationScoped
public class InboxGroupCommit {
  private static final int MAX_GROUP = 256;
  private static final String INSERT = """
      insert into inbound_event (id, warehouse_id, seller_id, source_event_id, source_timestamp, created_at, body, status)
      select gen_random_uuid(), warehouse_id, seller_id, source_id, source_timestamp, $6, body, 'RECEIVED'
      from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[])
        as arrival(warehouse_id, seller_id, source_id, source_timestamp, body)
      on conflict (warehouse_id, source_event_id) do nothing
      returning warehouse_id, source_event_id""";

  /** One arrival of a batch: the sender's id for it (the dedupe key) and its raw JSON. */
  public record Arrival(String sourceEventId, String body) {
  }

  private record Waiting(UUID warehouseId, String sellerId, String sourceEventId, OffsetDateTime sourceTimestamp,
      String body, UniEmitter<? super Boolean> emitter, Context context) {
    String key() {
      return warehouseId + "\n" + sourceEventId;
    }

    void answer(boolean stored) {
      if (context != null) {
        context.runOnContext(ignored -> emitter.complete(stored));
      } else {
        emitter.complete(stored);
      }
    }

    void fail(Throwable failure) {
      if (context != null) {
        context.runOnContext(ignored -> emitter.fail(failure));
      } else {
        emitter.fail(failure);
      }
    }
  }

  private final Pool pool;
  private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private final SuiteClock clock;

  public InboxGroupCommit(Pool pool, SuiteClock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Stores the arrival unless the warehouse already sent one with this id; true when it was stored now. */
  public Uni<Boolean> store(UUID warehouseId, String sellerId, String sourceEventId, OffsetDateTime sourceTimestamp,
      String body) {
    return Uni.createFrom().emitter(emitter -> {
      queue.add(new Waiting(warehouseId, sellerId, sourceEventId, sourceTimestamp, body, emitter,
          Vertx.currentContext()));
      writeIfIdle();
    });
  }

  /**
   * Stores a batch of one warehouse's arrivals at once (a poll's readings), in one auto-committed statement; those
   * seen before (same warehouse and source id) are skipped. Returns how many were new.
   */
  public Uni<Integer> storeAll(UUID warehouseId, String sellerId, OffsetDateTime sourceTimestamp, List<Arrival> arrivals) {
    if (arrivals.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    int size = arrivals.size();
    UUID[] warehouses = new UUID[size];
    String[] sellers = new String[size];
    OffsetDateTime[] timestamps = new OffsetDateTime[size];
    java.util.Arrays.fill(warehouses, warehouseId);
    java.util.Arrays.fill(sellers, sellerId);
    java.util.Arrays.fill(timestamps, sourceTimestamp);
    Tuple values = Tuple.of(warehouses, sellers, arrivals.stream().map(Arrival::sourceEventId).toArray(String[]::new),
        timestamps, arrivals.stream().map(Arrival::body).toArray(String[]::new));
    values.addValue(clock.now());
    return pool.preparedQuery(INSERT).execute(values).map(rows -> rows.rowCount());
  }

  private void writeIfIdle() {
    // re-checked after releasing, so an arrival queued during the release is never left behind
    while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
      List<Waiting> group = new ArrayList<>();
      Waiting next;
      while (group.size() < MAX_GROUP && (next = queue.poll()) != null) {
        group.add(next);
      }
      if (group.isEmpty()) {
        writing.set(false);
        continue;
      }
      write(group);
      return;
    }
  }

  private void write(List<Waiting> group) {
    Tuple values = Tuple.of(group.stream().map(Waiting::warehouseId).toArray(UUID[]::new),
        group.stream().map(Waiting::sellerId).toArray(String[]::new),
        group.stream().map(Waiting::sourceEventId).toArray(String[]::new),
        group.stream().map(Waiting::sourceTimestamp).toArray(OffsetDateTime[]::new),
        group.stream().map(Waiting::body).toArray(String[]::new));
    values.addValue(clock.now());
    pool.preparedQuery(INSERT).execute(values).subscribe().with(rows -> {
      Set<String> stored = new HashSet<>();
      rows.forEach(row -> stored.add(row.getUUID(0) + "\n" + row.getString(1)));
      writing.set(false);
      writeIfIdle();
      // the same id twice in one group was stored once: the first sender hears "stored", the other "already there"
      for (Waiting waiting : group) {
        waiting.answer(stored.remove(waiting.key()));
      }
    }, failure -> {
      writing.set(false);
      writeIfIdle();
      group.forEach(waiting -> waiting.fail(failure));
    });
  }
}
