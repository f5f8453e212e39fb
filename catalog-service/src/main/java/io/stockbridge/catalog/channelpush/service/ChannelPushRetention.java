package io.stockbridge.catalog.channelpush.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelpush.config.ChannelPushConfig;
import io.stockbridge.platform.persistence.BatchedPurge;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Purges quantities the channel acknowledged or refused once they are past the retention: every push leaves its row,
 * and a busy shop pushes hundreds of thousands a day. Pending quantities are never purged.
 */
@ApplicationScoped
public class ChannelPushRetention {
  private static final String PURGE = """
      delete from channel_push where id in (
        select id from channel_push where status in ('PUSHED', 'REFUSED') and created_at < $1 limit $2)""";

  private final Pool pool;
  private final ChannelPushConfig config;
  private final SuiteClock clock;

  public ChannelPushRetention(Pool pool, ChannelPushConfig config, SuiteClock clock) {
    this.pool = pool;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> purgeOnSchedule() {
    return BatchedPurge.onSchedule("Channel push", purgeSettledBefore(clock.now().minus(config.retention())));
  }

  /** Deletes the pushed and refused quantities queued before {@code before}; @return how many. */
  public Uni<Long> purgeSettledBefore(OffsetDateTime before) {
    return BatchedPurge.run(pool, PURGE, before, config.purgeBatchSize());
  }
}
