package io.stockbridge.inventory.warehouseevent.rest;

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
import io.stockbridge.inventory.warehouseevent.WarehouseEvent;
import io.stockbridge.inventory.warehouseevent.WarehouseEventBatch;
import io.stockbridge.inventory.warehouseevent.service.WarehouseEventBatches;
import io.stockbridge.inventory.warehouseevent.service.WarehouseEventService;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.outbox.OutboxBatch;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/internal/v1/warehouse-events")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Warehouse events (internal)", description = "Normalized events from warehouse-gateway")
public class WarehouseEventResource {
  private final WarehouseEventService service;
  private final WarehouseEventBatches batches;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public WarehouseEventResource(WarehouseEventService service, WarehouseEventBatches batches, CurrentSeller seller,
      SecurityIdentity identity) {
    this.service = service;
    this.batches = batches;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @Operation(summary = "Apply a warehouse event once",
      description = "Idempotent by eventId. A SNAPSHOT observed before the last one applied for the item is"
          + " answered STALE and changes nothing.")
  public Uni<Response> apply(@NotNull @Valid WarehouseEvent event) {
    return service.apply(seller.id(), identity.getPrincipal().getName(), event)
        .map(result -> Response.ok(result.value()).header(IdempotentResult.REPLAYED_HEADER, result.replayed()).build());
  }

  @POST
  @Path("batch")
  @Operation(summary = "Apply several warehouse events, each once, in one transaction",
      description = "Each event names its seller; each payload is a warehouse event as for a single request. The answer gives each event the status a single request would have"
          + " had (200 applied or stale, 4xx refused, 503 to be sent again); one refused event never holds up the"
          + " others.")
  public Uni<WarehouseEventBatch.Results> applyBatch(@NotNull @Valid OutboxBatch batch) {
    return batches.apply(identity.getPrincipal().getName(), batch);
  }
}
