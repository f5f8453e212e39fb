package io.stockbridge.catalog.channelpush.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelpush.ChannelWarehouseMapping;
import io.stockbridge.catalog.channelpush.service.ChannelPushes;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/channel-connections/{connectionId}/warehouses")
@RolesAllowed({ Roles.SELLER_ADMIN, Roles.ERP_INTEGRATION })
@Tag(name = "Channel connections")
public class ChannelWarehouseResource {
  private final ChannelPushes pushes;
  private final CurrentSeller seller;

  public ChannelWarehouseResource(ChannelPushes pushes, CurrentSeller seller) {
    this.pushes = pushes;
    this.seller = seller;
  }

  @PUT
  @Path("{warehouseId}")
  @Operation(summary = "Show a warehouse's stock in one of the channel shop's warehouses",
      description = "From now on the ledger's available quantity of each SKU in this warehouse is pushed to that"
          + " channel warehouse for the connection's live listings; the current quantities are queued at once.")
  public Uni<ChannelWarehouseMapping> mapWarehouse(@PathParam("connectionId") UUID connectionId,
      @PathParam("warehouseId") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId,
      @NotNull @Valid ChannelWarehouseMapping mapping) {
    return pushes.mapWarehouse(seller.id(), connectionId, warehouseId, mapping.channelWarehouseId());
  }

  @GET
  @Operation(summary = "The connection's warehouse mappings")
  public Uni<List<ChannelWarehouseMapping>> listWarehouseMappings(@PathParam("connectionId") UUID connectionId) {
    return pushes.mappings(seller.id(), connectionId);
  }
}
