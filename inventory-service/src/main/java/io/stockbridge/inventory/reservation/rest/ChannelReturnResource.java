package io.stockbridge.inventory.reservation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.ChannelReturn;
import io.stockbridge.inventory.reservation.ChannelReturnView;
import io.stockbridge.inventory.reservation.service.ChannelReturns;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/internal/v1/channel-returns")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Channel orders (internal)")
public class ChannelReturnResource {
  private final ChannelReturns returns;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public ChannelReturnResource(ChannelReturns returns, CurrentSeller seller, SecurityIdentity identity) {
    this.returns = returns;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @Operation(operationId = "receiveChannelReturn", summary = "Book a channel return's units into QC (STK-3)",
      description = "Once per returnId. The units enter QC of the named warehouse, or of the one the order shipped "
          + "them from; 422 RETURN_WAREHOUSE_UNKNOWN or UNKNOWN_SKU_OR_WAREHOUSE, marked retryable, while the order "
          + "or the SKU is not known yet.")
  public Uni<ChannelReturnView> receiveChannelReturn(@NotNull @Valid ChannelReturn received) {
    return returns.receive(seller.id(), identity.getPrincipal().getName(), received);
  }
}
