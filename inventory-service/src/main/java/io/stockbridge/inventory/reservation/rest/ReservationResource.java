package io.stockbridge.inventory.reservation.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.ReservationRequest;
import io.stockbridge.inventory.reservation.ReservationView;
import io.stockbridge.inventory.reservation.service.ReservationBatcher;
import io.stockbridge.inventory.reservation.service.ReservationService;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/reservations")
@RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.SERVICE })
@Tag(name = "Reservations", description = "Orders pre-allocate stock the moment they are placed (RES-1, RES-2)")
public class ReservationResource {
  private final ReservationService service;
  private final ReservationBatcher batcher;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public ReservationResource(ReservationService service, ReservationBatcher batcher, CurrentSeller seller,
      SecurityIdentity identity) {
    this.service = service;
    this.batcher = batcher;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @Operation(summary = "Reserve every line of an order, or none",
      description = "409 INSUFFICIENT_STOCK names each short line. A line without warehouseId takes all its units"
          + " from the warehouse with the most available units that can fill it whole; if none can, it is split over"
          + " warehouses, most available first. A repeated orderId returns the first result (Idempotent-Replayed:"
          + " true); the same orderId with other lines answers 409 ORDER_ID_REUSED.")
  @APIResponse(responseCode = "201", description = "The reservation; Idempotent-Replayed: true for a repeat of the order id",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReservationView.class)))
  public Uni<Response> reserve(@NotNull @Valid ReservationRequest request) {
    return batcher.reserve(seller.id(), identity.getPrincipal().getName(), request)
        .map(result -> Response.status(Response.Status.CREATED).entity(result.value())
            .header(IdempotentResult.REPLAYED_HEADER, result.replayed())
            .header("Location", "/v1/reservations/" + result.value().id()).build());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A reservation and its allocations")
  public Uni<ReservationView> getReservation(@PathParam("id") UUID id) {
    return service.find(seller.id(), id);
  }

  @POST
  @Path("{id}/commit")
  @Operation(summary = "The order shipped: its units leave sellable and reserved")
  public Uni<ReservationView> commitReservation(@PathParam("id") UUID id) {
    return service.commit(seller.id(), identity.getPrincipal().getName(), id);
  }

  @POST
  @Path("{id}/release")
  @Operation(summary = "The order was cancelled: its units return to sellable")
  public Uni<ReservationView> releaseReservation(@PathParam("id") UUID id) {
    return service.release(seller.id(), identity.getPrincipal().getName(), id);
  }
}
