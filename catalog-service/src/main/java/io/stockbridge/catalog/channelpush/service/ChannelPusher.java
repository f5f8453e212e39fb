package io.stockbridge.catalog.channelpush.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelpush.config.ChannelPushConfig;
import io.stockbridge.catalog.channelpush.repository.ChannelPushRepository;
import io.stockbridge.catalog.channelpush.repository.ChannelPushSettlement;
import io.stockbridge.catalog.channelpush.repository.PendingPush;
import io.stockbridge.catalog.connection.client.ChannelApiClient;
import io.stockbridge.catalog.connection.client.ChannelRefusal;
import io.stockbridge.catalog.connection.service.ChannelConnectionService;
import io.stockbridge.catalog.connection.service.ConnectionNotActive;
import io.stockbridge.platform.fault.Backoff;
import io.stockbridge.platform.time.SuiteClock;
import io.stockbridge.platform.work.CommitWakeups;
import io.stockbridge.platform.work.WakeableRounds;
import io.stockbridge.platform.work.WakeupsConfig;
import io.vertx.core.Vertx;

/**
 * Pushes queued quantities to the channel's inventory update endpoint, one call per channel product with every
 * claimed SKU and warehouse of it, oldest first. A 401 or 403 40302 puts the connection in the state that waits for
 * the seller (CH-3, CH-4) and leaves the quantities queued; a failure of the channel backs off; any other refusal is
 * final and kept with the channel's words. The time from the ledger's change to the channel's acknowledgement is the
 * {@code stockbridge_channel_push_latency} timer.
 * <p>
 * A round starts when a quantity to push is committed (the queue's trigger notifies every replica); the schedule is
 * the safety net, and brings back the quantities whose retry came due.
 */
@ApplicationScoped
public class ChannelPusher {
  private final ChannelPushRepository queue;
  private final ChannelConnectionService connections;
  private final ChannelApiClient channel;
  private final ChannelPushConfig config;
  private final ObjectMapper mapper;
  private final Timer latency;
  private final MeterRegistry registry;
  private final SuiteClock clock;
  private final Backoff backoff;
  private final WakeableRounds rounds;
  private final ChannelPushSettlement settlement;

  public ChannelPusher(ChannelPushRepository queue, ChannelPushSettlement settlement,
      ChannelConnectionService connections, ChannelApiClient channel,
      ChannelPushConfig config, ObjectMapper mapper, MeterRegistry registry, SuiteClock clock, Vertx vertx,
      WakeupsConfig wakeups) {
    this.queue = queue;
    this.settlement = settlement;
    this.connections = connections;
    this.channel = channel;
    this.config = config;
    // doubling from a second; a configured cap below a second caps the first wait too
    Duration first = Duration.ofSeconds(1);
    this.backoff = Backoff.doubling(first.compareTo(config.maxBackoff()) < 0 ? first : config.maxBackoff(),
        config.maxBackoff());
    this.mapper = mapper;
    this.registry = registry;
    this.latency = Timer.builder("stockbridge_channel_push_latency")
        .description("From the ledger's stock change to the channel's acknowledgement of the pushed quantity")
        .publishPercentiles(0.5, 0.99).register(registry);
    this.clock = clock;
    // a round that claimed something is followed by another until one finds nothing: quantities committed meanwhile
    // do not notify (the queue's trigger notifies only when nothing else is waiting), so these rounds must find them
    this.rounds = new WakeableRounds(vertx, "Channel push", () -> round().map(claimed -> claimed > 0),
        config.gather(), wakeups.trailingRound());
  }

  /** The notification channel the queue's trigger notifies when a quantity to push is committed. */
  private static final String COMMITTED = "stockbridge_channel_push";

  void wakeOnCommit(@Observes StartupEvent started, CommitWakeups wakeups) {
    if (config.wakeOnCommit()) {
      wakeups.onCommit(COMMITTED, rounds::wake);
    }
  }

  @Scheduled(every = "${stockbridge.catalog.channel-push.interval:1s}", delayed = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> pushOnSchedule() {
    return pushDue()
        .onFailure().invoke(e -> Log.warnf("Channel push round failed: %s", e.getMessage()))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }

  /** One round; returns how many quantities the channel acknowledged. */
  public Uni<Integer> pushDue() {
    return claimAndPush().chain(claimed -> claimed.pushed());
  }

  /** One round started by a wake-up; returns how many quantities it claimed. */
  private Uni<Integer> round() {
    return claimAndPush().chain(claimed -> claimed.pushed().replaceWith(claimed.count()));
  }

  private record Claimed(int count, Uni<Integer> pushed) {
  }

  private Uni<Claimed> claimAndPush() {
    OffsetDateTime now = clock.now();
    return Panache.withTransaction(() -> queue.claimDue(now, now.plus(config.lease()), config.batchSize()))
        .map(claimed -> {
          Map<String, List<PendingPush>> byProduct = new LinkedHashMap<>();
          claimed.forEach(push -> byProduct.computeIfAbsent(push.connectionId() + "|" + push.channelProductId(),
              key -> new ArrayList<>()).add(push));
          // one after the other: the pushes of a round share this context's reactive session
          Uni<Integer> pushed = Multi.createFrom().iterable(byProduct.values())
              .onItem().transformToUniAndConcatenate(this::push)
              .collect().asList()
              .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
          return new Claimed(claimed.size(), pushed);
        });
  }

  private Uni<Integer> push(List<PendingPush> claimed) {
    PendingPush first = claimed.get(0);
    List<PendingPush> pushes = claimed.stream().sorted(PendingPush.LOCK_ORDER).toList();
    UUID connectionId = first.connectionId();
    return connections.credentials(connectionId)
        .chain(credentials -> channel.updateInventory(credentials, first.channelProductId(), body(pushes)))
        .chain(acknowledged -> settlement.pushed(pushes, clock.now()).onFailure().retry().atMost(2))
        .map(settled -> {
          OffsetDateTime now = clock.now();
          pushes.stream().filter(push -> settled.contains(push.id()))
              .forEach(push -> latency.record(Duration.between(push.changedAt(), now)));
          return settled.size();
        })
        .onFailure(ConnectionNotActive.class).recoverWithUni(e -> settle(pushes, "wait", e.getMessage()))
        .onFailure(ChannelRefusal.class).recoverWithUni(e -> connections.noteRefusal(connectionId, (ChannelRefusal) e)
            .chain(aboutConnection -> settle(pushes, aboutConnection ? "wait" : "refused",
                ((ChannelRefusal) e).code() + ": " + e.getMessage())))
        .onFailure().recoverWithUni(e -> settle(pushes, "retry", e.getMessage()));
  }

  private Uni<Integer> settle(List<PendingPush> pushes, String how, String error) {
    registry.counter("stockbridge_channel_push_failures_total", "outcome", how).increment(pushes.size());
    OffsetDateTime now = clock.now();
    return Panache.withTransaction(() -> Multi.createFrom().iterable(pushes)
            .onItem().transformToUniAndConcatenate(push -> switch (how) {
              case "wait" -> queue.waitForConnection(push.id(), now, error);
              case "refused" -> queue.refused(push.id(), error);
              default -> queue.retryLater(push.id(), now.plus(backoff.after(push.attempts() + 1)), error);
            })
            .collect().asList())
        // settling again is harmless; not settling leaves the quantities claimed until the lease runs out
        .onFailure().retry().atMost(2)
        .replaceWith(0);
  }


  /** {"skus": [{"id", "inventory": [{"warehouse_id", "quantity"}]}]}: absolute quantities. */
  private String body(List<PendingPush> pushes) {
    Map<String, List<Map<String, Object>>> bySku = new LinkedHashMap<>();
    pushes.forEach(push -> bySku.computeIfAbsent(push.channelSkuId(), key -> new ArrayList<>())
        .add(Map.of("warehouse_id", push.channelWarehouseId(), "quantity", push.quantity())));
    List<Map<String, Object>> skus = new ArrayList<>();
    bySku.forEach((id, inventory) -> skus.add(Map.of("id", id, "inventory", inventory)));
    try {
      return mapper.writeValueAsString(Map.of("skus", skus));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
