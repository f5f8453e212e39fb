package io.stockbridge.catalog.connection.service;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.connection.client.ChannelAuthClient;
import io.stockbridge.catalog.connection.client.ChannelRefusal;
import io.stockbridge.catalog.connection.config.ChannelConfig;
import io.stockbridge.catalog.connection.repository.ChannelConnection;
import io.stockbridge.catalog.connection.repository.ChannelConnectionRepository;
import io.stockbridge.catalog.connection.repository.ChannelConnectionStatus;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Refreshes channel tokens before they expire (rule CH-1), on every replica; claims keep two replicas from
 * spending one refresh token, and a refresh's outcome is stored only if the connection is still what it read.
 */
@ApplicationScoped
public class ChannelTokenRefresher {
  private final ChannelConnectionRepository connections;
  private final ChannelAuthClient channel;
  private final ChannelTokenVault vault;
  private final ChannelConfig config;
  private final MeterRegistry registry;
  private final SuiteClock clock;

  public ChannelTokenRefresher(ChannelConnectionRepository connections, ChannelAuthClient channel,
      ChannelTokenVault vault, ChannelConfig config, MeterRegistry registry, SuiteClock clock) {
    this.connections = connections;
    this.channel = channel;
    this.vault = vault;
    this.config = config;
    this.registry = registry;
    this.clock = clock;
  }

  @Scheduled(every = "${stockbridge.catalog.channel.refresh-interval:5m}", delayed = "20s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return refreshDue()
        .invoke(count -> registry.counter("stockbridge_channel_token_refreshes_total").increment(count))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }

  /**
   * Refreshes every active connection whose access token expires within the refresh window. A refusal puts the
   * connection in REAUTHORIZATION_REQUIRED with the channel's answer (CH-3); a failure of the channel leaves it for
   * the next round. Returns how many were refreshed.
   */
  public Uni<Integer> refreshDue() {
    OffsetDateTime now = clock.now();
    return Panache.withTransaction(() -> connections.claimDueForRefresh(now.plus(config.refreshAhead()), now,
            now.plus(config.refreshLease()), 100))
        .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
        .onItem().transformToUniAndConcatenate(this::refreshOne)
        .collect().asList()
        .map(outcomes -> (int) outcomes.stream().filter(Boolean::booleanValue).count());
  }

  /** What a refresh read before it went to the channel: the connection is changed only if it still reads so. */
  private record ReadForRefresh(String refreshToken, OffsetDateTime updatedAt) {
  }

  private Uni<Boolean> refreshOne(UUID id) {
    return Panache.withSession(() -> connections.findById(id))
        .map(connection -> new ReadForRefresh(vault.refreshToken(connection), connection.updatedAt))
        .chain(read -> channel.refresh(id, read.refreshToken())
            .chain(tokens -> ifUnchanged(id, read, connection -> vault.store(connection, tokens, true,
                clock.now())))
            .onFailure(ChannelRefusal.class).recoverWithUni(refusal -> ifUnchanged(id, read, connection -> {
              connection.status = ChannelConnectionStatus.REAUTHORIZATION_REQUIRED;
              connection.statusReason = "The channel refused to refresh the tokens (" + ((ChannelRefusal) refusal).code()
                  + ": " + refusal.getMessage() + "); the seller must authorise again. Pushes wait until then.";
              connection.updatedAt = clock.now();
            }).replaceWith(false)))
        .onFailure().recoverWithItem(failure -> {
          Log.warnf("Refreshing channel connection %s failed, will retry: %s", id, failure.getMessage());
          return false;
        });
  }

  /**
   * Compare-and-set: applies the refresh's outcome only to the connection as the refresh read it. Revoked,
   * re-consented, retired or otherwise changed meanwhile, the outcome is dropped (a re-consent's tokens win).
   */
  private Uni<Boolean> ifUnchanged(UUID id, ReadForRefresh read,
      Consumer<ChannelConnection> change) {
    return Panache.withTransaction(() -> connections.findById(id).map(connection -> {
      if (connection == null || connection.status != ChannelConnectionStatus.ACTIVE
          || !read.updatedAt().isEqual(connection.updatedAt)) {
        Log.infof("Channel connection %s changed while its tokens were refreshed; the refresh is dropped", id);
        return false;
      }
      change.accept(connection);
      return true;
    }));
  }
}
