package io.stockbridge.console.stock.client;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import io.stockbridge.console.shell.Listed;
import io.stockbridge.console.shell.ServiceProblemMapper;
import io.stockbridge.console.shell.UserToken;

/** inventory-service's stock endpoints, called as the signed-in user. */
@RegisterRestClient(configKey = "inventory")
@RegisterProvider(UserToken.class)
@RegisterProvider(ServiceProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface StockApi {

  @GET
  @Path("/v1/stock")
  Uni<Listed<WarehouseStock>> balances(@QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("500") int limit);

  @GET
  @Path("/v1/stock/{sellerSku}")
  Uni<SkuStock> ofSku(@PathParam("sellerSku") String sellerSku);

  @GET
  @Path("/v1/stock/{sellerSku}/history")
  Uni<DailyAvailable.History> history(@PathParam("sellerSku") String sellerSku, @QueryParam("days") int days);
}
