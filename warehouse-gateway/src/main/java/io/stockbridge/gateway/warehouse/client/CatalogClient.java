package io.stockbridge.gateway.warehouse.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * Resolves warehouse items to seller SKUs through catalog-service. "Not mapped" (404) is an answer; anything else
 * that goes wrong is a failure, so the caller retries later instead of calling a known item unknown.
 */
@ApplicationScoped
public class CatalogClient {
  private final CatalogRestClient restClient;

  public CatalogClient(@RestClient CatalogRestClient restClient) {
    this.restClient = restClient;
  }

  @Timeout(value = 3, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 200, delayUnit = ChronoUnit.MILLIS)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
  public Uni<Optional<String>> sellerSkuOf(String sellerId, String warehouseId, String wmsItemId) {
    return restClient.resolve(warehouseId, wmsItemId, sellerId)
        .map(item -> Optional.ofNullable(item.sellerSku()))
        .onFailure(failure -> failure instanceof WebApplicationException wae && wae.getResponse().getStatus() == 404)
        .recoverWithItem(Optional.empty());
  }

  /** One page of the items mapped in a warehouse (null cursor: the first page). */
  @Timeout(value = 5, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 200, delayUnit = ChronoUnit.MILLIS)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
  public Uni<MappedItems> mappedItems(String sellerId, String warehouseId, String cursor) {
    return restClient.list(warehouseId, cursor, MappedItems.PAGE_SIZE, sellerId);
  }
}
