package io.stockbridge.gateway.warehouse.rest;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.GatewayProblem;
import io.stockbridge.gateway.warehouse.CountRequestTarget;
import io.stockbridge.gateway.warehouse.InboundEventView;
import io.stockbridge.gateway.warehouse.WarehouseDraft;
import io.stockbridge.gateway.warehouse.WarehouseView;
import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.warehouse.service.WarehouseService;
import io.stockbridge.gateway.webhook.repository.InboundEventStatus;
import io.stockbridge.gateway.webhook.service.InboxProcessor;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.EnumParameter;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/warehouses")
@Tag(name = "Warehouses", description = "Connections to overseas warehouses and their WMS APIs (WH-1)")
public class WarehouseResource {
  private final WarehouseService service;
  private final InboxProcessor inbox;
  private final CurrentSeller seller;

  public WarehouseResource(WarehouseService service, InboxProcessor inbox, CurrentSeller seller) {
    this.service = service;
    this.inbox = inbox;
    this.seller = seller;
  }

  @POST
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Connect a warehouse")
  @APIResponse(responseCode = "201", description = "The warehouse connection (a webhook warehouse: its secret, shown once)",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = WarehouseView.class)))
  public Uni<Response> connect(@NotNull @Valid WarehouseDraft draft) {
    return service.connect(seller.id(), draft)
        .map(view -> Response.status(Response.Status.CREATED).entity(view)
            .header("Location", "/v1/warehouses/" + view.id()).build());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "One warehouse connection")
  public Uni<WarehouseView> getWarehouse(@PathParam("id") UUID id) {
    return service.find(seller.id(), id);
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The seller's warehouse connections, oldest first")
  public Uni<Page<WarehouseView>> listWarehouses(
      @Parameter(schema = @Schema(implementation = AdapterType.class)) @QueryParam("adapter") String adapter,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.list(seller.id(), EnumParameter.parse(AdapterType.class, "adapter", adapter), cursor, limit);
  }

  @POST
  @Path("{id}/webhook-secret/rotate")
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Issue a new webhook secret; the previous one verifies until the overlap ends (default 24 h)",
      description = "At most two secrets verify at a time: a rotation during an overlap ends the older overlap now.")
  public Uni<SecretRotationView> rotateSecret(@PathParam("id") UUID id) {
    return service.rotateSecret(seller.id(), id)
        .map(rotation -> new SecretRotationView(rotation.secret(), rotation.previousValidUntil()));
  }

  @GET
  @Path("{id}/events")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR })
  @Operation(summary = "The events this warehouse sent, oldest first, by status")
  public Uni<Page<InboundEventView>> events(@PathParam("id") UUID id,
      @Parameter(schema = @Schema(implementation = InboundEventStatus.class)) @QueryParam("status") String status,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.events(seller.id(), id, EnumParameter.parse(InboundEventStatus.class, "status", status), cursor, limit);
  }

  @POST
  @Path("{id}/events/{eventId}/replay")
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Process a parked or rejected event again (e.g. after mapping its warehouse items)")
  @APIResponse(responseCode = "202", description = "Queued to be processed again")
  public Uni<Response> replay(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId) {
    return service.find(seller.id(), id)
        .chain(() -> inbox.replay(seller.id(), id, eventId))
        .map(queued -> {
          if (!queued) {
            throw ProblemException.conflict(GatewayProblem.NOT_REPLAYABLE, "Only parked, rejected or waiting events can be replayed");
          }
          inbox.wake();
          return Response.accepted().build();
        });
  }

  @POST
  @Path("{id}/poll")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR })
  @Operation(summary = "Poll a polled warehouse now instead of at its next interval (202; see polling in the warehouse)")
  @APIResponse(responseCode = "202", description = "A poll is queued; the warehouse as it stands",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = WarehouseView.class)))
  public Uni<Response> pollNow(@PathParam("id") UUID id) {
    return service.pollNow(seller.id(), id).map(view -> Response.accepted(view).build());
  }

  @PUT
  @Path("{id}/count-requests")
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Set (or, with null, clear) where a STANDARD_WEBHOOKS partner takes count requests (CNT-1); "
      + "counts started from now on are asked of it. 400 for other adapters")
  public Uni<WarehouseView> setCountRequests(@PathParam("id") UUID id, @NotNull @Valid CountRequestTarget target) {
    return service.setCountRequestUrl(seller.id(), id, target.countRequestUrl());
  }

  @POST
  @Path("{id}/disable")
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Stop syncing a warehouse; its history stays")
  public Uni<WarehouseView> disable(@PathParam("id") UUID id) {
    return service.disable(seller.id(), id);
  }
}
