package io.stockbridge.gateway.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.config.InboxConfig;
import io.stockbridge.platform.persistence.BatchedPurge;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Keeps the inbox from growing without end: events settled (applied or rejected) longer ago than the retention are
 * deleted, a bounded batch per statement so that no purge holds many rows at once. Parked events stay, whatever
 * their age, until a mapping lets them be replayed (WH-3: never dropped); waiting ones stay until processed. The
 * retention outlasts senders' retry schedules, so a retried webhook still meets its first copy and is acknowledged
 * without being stored twice.
 */
@ApplicationScoped
public class InboxRetention {
  private static final String PURGE = """
      delete from inbound_event where id in (
        select id from inbound_event where status in ('APPLIED', 'REJECTED') and created_at < $1 limit $2)""";

  private final Pool pool;
  private final InboxConfig config;
  private final SuiteClock clock;

  public InboxRetention(Pool pool, InboxConfig config, SuiteClock clock) {
    this.pool = pool;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduledPurge() {
    return BatchedPurge.onSchedule("Inbox", purge());
  }

  /** Deletes every settled event past the retention; @return how many */
  public Uni<Long> purge() {
    return BatchedPurge.run(pool, PURGE, clock.now().minus(config.retention()), config.purgeBatchSize());
  }
}
