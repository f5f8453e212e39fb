package io.stockbridge.testing.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.platform.work.CommitWakeups;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rounds wake on commit: the outbox table's trigger notifies, PostgreSQL delivers the notification to the listening
 * connection only when the writing transaction commits, and never for one rolled back; while another event waits and
 * is due, a dispatcher is at work and nothing is notified (a notifying commit queues on PostgreSQL's notify lock).
 */
@QuarkusTest
class CommitWakeupsTest {
  private static final String INSERT = """
      insert into outbox_event (id, seller_id, destination, path, event_type, payload, created_at, available_at)
      values ($1, 'seller-wake', 'nowhere', '/internal/v1/nothing', 'test.wake', '{}', now(), now() + interval '1 day')""";
  private static final String INSERT_DUE = INSERT.replace("now() + interval '1 day'", "now()");

  @Inject
  CommitWakeups wakeups;

  @Inject
  Pool pool;

  @Test
  void anEventWakesTheListenersWhenItsTransactionCommitsAndNotBeforeOrIfRolledBack() {
    AtomicInteger woken = new AtomicInteger();
    wakeups.onCommit("stockbridge_outbox", woken::incrementAndGet);
    SqlConnection connection = pool.getConnection().await().indefinitely();
    try {
      // the tests here drive their dispatchers by hand: what earlier tests left waiting would stand for a busy one
      connection.query("update outbox_event set available_at = now() + interval '1 day' "
          + "where status = 'PENDING' and available_at <= now()").execute().await().indefinitely();
      // the listening connection may still be opening: a first event shows it listens
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        connection.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID())).await().indefinitely();
        return woken.get() >= 1;
      });
      await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(500)).until(() -> true);
      int settled = woken.get();

      Transaction transaction = connection.begin().await().indefinitely();
      for (int i = 0; i < 3; i++) {
        connection.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID())).await().indefinitely();
      }
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> woken.get() == settled);
      transaction.commit().await().indefinitely();
      // three rows, one transaction: PostgreSQL folds the notifications into one
      await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() == settled + 1);

      transaction = connection.begin().await().indefinitely();
      connection.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID())).await().indefinitely();
      transaction.rollback().await().indefinitely();
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> woken.get() == settled + 1);

      // a due event with nothing else waiting wakes; the next one, while it waits, does not
      connection.preparedQuery(INSERT_DUE).execute(Tuple.of(UUID.randomUUID())).await().indefinitely();
      await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() == settled + 2);
      connection.preparedQuery(INSERT_DUE).execute(Tuple.of(UUID.randomUUID())).await().indefinitely();
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> woken.get() == settled + 2);
      assertThat(woken.get()).isEqualTo(settled + 2);
    } finally {
      connection.query("delete from outbox_event where seller_id = 'seller-wake'").execute().await().indefinitely();
      connection.closeAndAwait();
    }
  }
}
