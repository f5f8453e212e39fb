package io.stockbridge.inventory.reservation.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
import io.stockbridge.inventory.reservation.repository.ReservationStatus;
import io.stockbridge.inventory.reservation.service.ReservationBatcher;
import io.stockbridge.inventory.reservation.service.ReservationLog;
import io.stockbridge.inventory.reservation.service.ReservationService;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.rest.EnumParameter;
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
  private final ReservationLog log;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public ReservationResource(ReservationService service, ReservationBatcher batcher, ReservationLog log,
      CurrentSeller seller, SecurityIdentity identity) {
    this.service = service;
    this.batcher = batcher;
    this.log = log;
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
  @Operation(summary = "The seller's reservations in the order they last changed (created, shipped, released, "
      + "expired), for reconciling an ERP's orders: pass the time of the last look as updatedSince, or the nextCursor")
  public Uni<Page<ReservationView>> listReservations(@QueryParam("status") String status,
      @QueryParam("updatedSince") String updatedSince, @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return log.changedSince(seller.id(), EnumParameter.parse(ReservationStatus.class, "status", status),
        since(updatedSince), cursor, limit);
  }

  private static OffsetDateTime since(String updatedSince) {
    if (updatedSince == null || updatedSince.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(updatedSince);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "updatedSince is not a time",
          List.of(new FieldError("updatedSince", "invalid", "an ISO-8601 time with offset, e.g. 2026-12-01T00:00:00Z")));
    }
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
