package io.stockbridge.catalog.channelstock.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelstock.AvailableChange;
import io.stockbridge.catalog.channelstock.ChannelStockView;
import io.stockbridge.catalog.channelstock.service.ChannelStockService;
import io.stockbridge.platform.outbox.OutboxBatch;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/")
@Tag(name = "Channel stock", description = "The ledger's available quantities, as the channel is to show them")
public class ChannelStockResource {
  private final ChannelStockService service;
  private final CurrentSeller seller;

  public ChannelStockResource(ChannelStockService service, CurrentSeller seller) {
    this.service = service;
    this.seller = seller;
  }

  @POST
  @Path("internal/v1/channel-stock")
  @RolesAllowed(Roles.SERVICE)
  @Operation(summary = "inventory-service reports an item's new available quantity (the seller in the on-behalf header)",
      description = "200 when it was newer than the stored one, 200 as well when it was older or a repeat (nothing changes).")
  public Uni<Response> report(@NotNull @Valid AvailableChange change) {
    return service.record(seller.id(), change)
        .map(applied -> Response.ok().header("Stockbridge-Applied", applied).build());
  }

  @POST
  @Path("internal/v1/channel-stock/batch")
  @RolesAllowed(Roles.SERVICE)
  @Operation(summary = "Several reports in one request, as inventory-service's outbox batches them",
      description = "Each event names its seller; each payload is a report as for a single request. The answer gives"
          + " each event the status a single request would have had (200 recorded, older or a repeat; 400 malformed;"
          + " 503 to be sent again), all recorded in one transaction in the order sent.")
  public Uni<OutboxBatch.Answers> reportBatch(@NotNull @Valid OutboxBatch batch) {
    return service.recordBatch(batch);
  }

  @GET
  @Path("v1/skus/{sellerSku}/channel-stock")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The available quantity the ledger last reported for a SKU, per warehouse and in total")
  public Uni<ChannelStockView> getChannelStock(@PathParam("sellerSku") @Size(max = 64) String sellerSku) {
    return service.of(seller.id(), sellerSku);
  }
}
