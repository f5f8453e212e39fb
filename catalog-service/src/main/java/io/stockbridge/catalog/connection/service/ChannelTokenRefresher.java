package io.stockbridge.catalog.connection.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Refreshes channel tokens before they expire (rule CH-1), on every replica; claims keep two replicas from
 * spending one refresh token.
 */
@ApplicationScoped
public class ChannelTokenRefresher {
  private final ChannelConnectionService connections;
  private final MeterRegistry registry;

  public ChannelTokenRefresher(ChannelConnectionService connections, MeterRegistry registry) {
    this.connections = connections;
    this.registry = registry;
  }

  @Scheduled(every = "${stockbridge.catalog.channel.refresh-interval:5m}", delayed = "20s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return connections.refreshDue()
        .invoke(count -> registry.counter("stockbridge_channel_token_refreshes_total").increment(count))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }
}
