package io.stockbridge.gateway.warehouse.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.fault.GuardShape;
import io.stockbridge.platform.fault.KeyedGuards;

/**
 * Resolves warehouse items to seller SKUs through catalog-service, under a timeout, retries and a circuit breaker
 * per seller ({@link KeyedGuards}): lookups that keep failing for one seller's items hold back that seller's alone.
 * Every 4xx is an answer ("not mapped" for 404, a refusal of the item id for the others), recovered inside the
 * guarded call, so bad item ids never count towards a breaker. Only timeouts, 5xx and network failures are
 * failures, and the caller retries those later instead of calling a known item unknown.
 */
@ApplicationScoped
public class CatalogClient {
  private final CatalogRestClient restClient;
  /** Three tries within the timeout each; the breaker opens when half of a seller's last 20 failed. */
  private static final GuardShape LOOKUP = GuardShape.timeout(Duration.ofSeconds(3))
      .retried(2, Duration.ofMillis(200), Duration.ZERO);

  private final KeyedGuards<ItemLookup> lookups = KeyedGuards.of(new TypeLiteral<Uni<ItemLookup>>() {
  }, LOOKUP);
  private final KeyedGuards<MappedItems> listings = KeyedGuards.of(new TypeLiteral<Uni<MappedItems>>() {
  }, LOOKUP.withTimeout(Duration.ofSeconds(5)));

  public CatalogClient(@RestClient CatalogRestClient restClient) {
    this.restClient = restClient;
  }

  public Uni<ItemLookup> sellerSkuOf(String sellerId, String warehouseId, String wmsItemId) {
    return lookups.call(sellerId, () -> restClient.resolve(warehouseId, wmsItemId, sellerId)
        .map(item -> item.sellerSku() == null ? ItemLookup.NOT_MAPPED : ItemLookup.mapped(item.sellerSku()))
        .onFailure(CatalogClient::isClientError).recoverWithItem(failure -> {
          Response response = ((WebApplicationException) failure).getResponse();
          return response.getStatus() == 404 ? ItemLookup.NOT_MAPPED
              : ItemLookup.refused(response.getStatus() + " " + problemOf(response));
        }));
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
  public Uni<MappedItems> mappedItems(String sellerId, String warehouseId, String cursor) {
    return listings.call(sellerId, () -> restClient.list(warehouseId, cursor, MappedItems.PAGE_SIZE, sellerId));
  }
}
