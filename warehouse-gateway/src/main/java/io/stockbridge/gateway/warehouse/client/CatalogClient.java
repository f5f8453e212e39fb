package io.stockbridge.gateway.warehouse.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * Resolves warehouse items to seller SKUs through catalog-service. Every 4xx is an answer ("not mapped" for 404, a
 * refusal of the item id for the others), recovered inside the guarded call, so one seller's bad item ids never
 * count towards the breaker every seller's lookups share. Only timeouts, 5xx and network failures are failures, and
 * the caller retries those later instead of calling a known item unknown.
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
  public Uni<ItemLookup> sellerSkuOf(String sellerId, String warehouseId, String wmsItemId) {
    return restClient.resolve(warehouseId, wmsItemId, sellerId)
        .map(item -> item.sellerSku() == null ? ItemLookup.NOT_MAPPED : ItemLookup.mapped(item.sellerSku()))
        .onFailure(CatalogClient::isClientError).recoverWithItem(failure -> {
          Response response = ((WebApplicationException) failure).getResponse();
          return response.getStatus() == 404 ? ItemLookup.NOT_MAPPED
              : ItemLookup.refused(response.getStatus() + " " + problemOf(response));
        });
  }

  private static boolean isClientError(Throwable failure) {
    return failure instanceof WebApplicationException wae && wae.getResponse().getStatus() >= 400
        && wae.getResponse().getStatus() < 500;
  }

  /** The refusal's code and detail, or its title, as catalog-service gave them; bounded, for the event's reason. */
  private static String problemOf(Response response) {
    try {
      String body = response.readEntity(String.class);
      return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    } catch (RuntimeException unreadable) {
      return "";
    }
  }

  /** One page of the items mapped in a warehouse (null cursor: the first page). */
  @Timeout(value = 5, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 200, delayUnit = ChronoUnit.MILLIS)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
  public Uni<MappedItems> mappedItems(String sellerId, String warehouseId, String cursor) {
    return restClient.list(warehouseId, cursor, MappedItems.PAGE_SIZE, sellerId);
  }
}
