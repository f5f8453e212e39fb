package io.stockbridge.console.warehouses.client;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The seller's warehouses and what waits in their inboxes. Reads and actions are bounded in time; actions are never
 * retried here (a replay or rotation the gateway took but did not answer must not run twice on one click).
 */
@ApplicationScoped
public class WarehouseClient {
  /** A warehouse's parked events and its warehouse, for the pages that list them. */
  public record Parked(WarehouseSummary warehouse, WarehouseEvent event) {
  }

  private final WarehouseApi api;

  public WarehouseClient(@RestClient WarehouseApi api) {
    this.api = api;
  }

  @Timeout(5_000)
  public Uni<List<WarehouseSummary>> warehouses() {
    return api.list(200).map(page -> page.items());
  }

  /** Every parked event of every one of the seller's warehouses (up to 50 each), oldest first per warehouse. */
  @Timeout(10_000)
  public Uni<List<Parked>> parked() {
    return api.list(200).chain(page -> Multi.createFrom().iterable(page.items())
        .onItem().transformToUniAndConcatenate(warehouse -> api.events(warehouse.id(), "PARKED", 50)
            .map(events -> events.items().stream().map(event -> new Parked(warehouse, event)).toList()))
        .collect().asList()
        .map(lists -> lists.stream().flatMap(List::stream).toList()));
  }

  @Timeout(5_000)
  public Uni<Void> replay(UUID warehouse, UUID event) {
    return api.replay(warehouse, event);
  }

  @Timeout(5_000)
  public Uni<SecretRotation> rotateSecret(UUID warehouse) {
    return api.rotateSecret(warehouse);
  }

  @Timeout(5_000)
  public Uni<Void> poll(UUID warehouse) {
    return api.poll(warehouse);
  }
}
