package io.stockbridge.gateway.warehouse.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * catalog-service's warehouse-item lookup (the three codes, rule WH-3), called with the gateway's service token.
 */
@RegisterRestClient(configKey = "catalog")
@OidcClientFilter
@Path("/internal/v1/warehouse-items")
interface CatalogRestClient {

  @GET
  @Path("{warehouseId}/{wmsItemId}")
  Uni<WarehouseItem> resolve(@PathParam("warehouseId") String warehouseId, @PathParam("wmsItemId") String wmsItemId,
      @HeaderParam("Stockbridge-Seller-Id") String sellerId);

  @GET
  @Path("{warehouseId}")
  Uni<MappedItems> list(@PathParam("warehouseId") String warehouseId, @QueryParam("cursor") String cursor,
      @QueryParam("limit") int limit, @HeaderParam("Stockbridge-Seller-Id") String sellerId);
}
