package io.stockbridge.gateway.polling.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.polling.client.PollTarget;
import io.stockbridge.gateway.polling.config.PollingConfig;
import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.persistence.NamedSql;
import io.stockbridge.platform.secret.SecretCipher;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Finds the warehouses due for a poll and polls each on its own. A warehouse is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so several replicas share the work and never poll one warehouse twice at
 * once; a slow partner holds only its own claim, never the next tick.
 */
@ApplicationScoped
public class PollScheduler {
  private static final TypeReference<Map<String, String>> CREDENTIALS = new TypeReference<>() {
  };
  // in turns across sellers: one seller's many warehouses never hold another's poll back
  private static final NamedSql CLAIM = LeasedClaim.from("warehouse_connection", "w")
      .where("w.enabled and w.poll_interval_seconds is not null and (w.next_poll_at is null or w.next_poll_at <= :now)")
      .leasedBy("poll_claimed_until")
      .orderBy("next_poll_at nulls first", "id").fairBy("seller_id")
      .returning("id, seller_id, adapter, credentials, poll_interval_seconds, poll_failures")
      .build().positional();

  private final Pool pool;
  private final WarehousePoller poller;
  private final PollingConfig config;
  private final SecretCipher cipher;
  private final ObjectMapper mapper;
  private final SuiteClock clock;

  public PollScheduler(Pool pool, WarehousePoller poller, PollingConfig config, SecretCipher cipher,
      ObjectMapper mapper, SuiteClock clock) {
    this.pool = pool;
    this.poller = poller;
    this.config = config;
    this.cipher = cipher;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Scheduled(every = "${stockbridge.gateway.polling.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> tick() {
    if (!config.enabled()) {
      return Uni.createFrom().voidItem();
    }
    return claimDue()
        .invoke(targets -> targets.forEach(target -> poller.pollAndRecord(target).subscribe().with(
            report -> Log.debugf("Polled %s: %s", target.warehouseId(), report),
            failure -> Log.warnf("Poll of %s could not be recorded: %s", target.warehouseId(), failure.getMessage()))))
        .onFailure().invoke(e -> Log.warnf("Looking for due warehouses failed: %s", e.getMessage()))
        .onFailure().recoverWithNull()
        .replaceWithVoid();
  }

  /** Claims the due warehouses and polls them all, waiting for every outcome (tests, "poll now"). */
  public Uni<List<PollReport>> pollDue() {
    return claimDue().onItem().transformToMulti(targets -> Multi.createFrom().iterable(targets))
        .onItem().transformToUni(poller::pollAndRecord).merge(config.batchSize())
        .collect().asList();
  }

  private Uni<List<PollTarget>> claimDue() {
    OffsetDateTime now = clock.now();
    return pool.preparedQuery(CLAIM.sql())
        .execute(CLAIM.tuple(Map.of("lease", now.plus(config.claimLease()), "now", now, "limit", config.batchSize())))
        .map(rows -> {
          List<PollTarget> targets = new java.util.ArrayList<>();
          rows.forEach(row -> targets.add(target(row)));
          return targets;
        });
  }

  private PollTarget target(Row row) {
    UUID id = row.getUUID("id");
    String sealed = row.getString("credentials");
    Map<String, String> credentials = Map.of();
    String unreadable = null;
    if (sealed != null) {
      try {
        credentials = mapper.readValue(cipher.open(sealed, "credentials:" + id), CREDENTIALS);
      } catch (JsonProcessingException | RuntimeException e) {
        // one warehouse's unreadable credentials (e.g. sealed with a key no longer configured) fail its own poll only
        unreadable = "the stored credentials cannot be opened (" + e.getClass().getSimpleName()
            + "): check the encryption keys, or connect the warehouse again";
      }
    }
    return new PollTarget(id, row.getString("seller_id"), AdapterType.valueOf(row.getString("adapter")), credentials,
        unreadable, row.getInteger("poll_interval_seconds"), row.getInteger("poll_failures"));
  }
}
