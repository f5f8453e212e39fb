package io.stockbridge.inventory.reservation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.ChannelOrderState;
import io.stockbridge.inventory.reservation.service.ChannelOrders;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/internal/v1/channel-orders")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Channel orders (internal)", description = "catalog-service relays the channel's order statuses (RES-1, RES-2)")
public class ChannelOrderResource {
  private final ChannelOrders orders;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public ChannelOrderResource(ChannelOrders orders, CurrentSeller seller, SecurityIdentity identity) {
    this.orders = orders;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @Operation(summary = "Bring an order's reservation to the channel's state",
      description = "Each state is defined from every state, so the order the changes arrive in does not matter:"
          + " RESERVED reserves an order not seen yet and changes nothing otherwise; RELEASED releases an active"
          + " reservation and records an order never seen as closed, so a late RESERVED takes nothing (204);"
          + " COMMITTED ships an active reservation, and for an order that holds nothing (never seen, refused,"
          + " released, expired) ships what exists from the warehouses the planner chooses and records the rest as"
          + " the reservation's shortfalls. 409 INSUFFICIENT_STOCK when a placed order asks for units the ledger"
          + " does not have; 422 UNKNOWN_SKU_OR_WAREHOUSE, marked retryable, for a SKU not registered yet.")
  public Uni<Response> applyChannelOrder(@NotNull @Valid ChannelOrderState order) {
    return orders.apply(seller.id(), identity.getPrincipal().getName(), order)
        .map(view -> view == null ? Response.noContent().build() : Response.ok(view).build());
  }
}
