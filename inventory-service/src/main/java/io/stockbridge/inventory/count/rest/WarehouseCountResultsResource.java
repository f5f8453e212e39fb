package io.stockbridge.inventory.count.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.count.CountResults;
import io.stockbridge.inventory.count.StockCountView;
import io.stockbridge.inventory.count.service.CountResultsService;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/internal/v1/counts/{id}/results")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Counts (internal)", description = "Results a warehouse's WMS counted, from warehouse-gateway")
public class WarehouseCountResultsResource {
  private final CountResultsService results;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public WarehouseCountResultsResource(CountResultsService results, CurrentSeller seller, SecurityIdentity identity) {
    this.results = results;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @Operation(summary = "What the warehouse counted, as the seller's own results would be taken; the first results "
      + "stand, so a repeated delivery answers the count as they left it")
  public Uni<StockCountView> submitWarehouseResults(@PathParam("id") UUID id, @NotNull @Valid CountResults request) {
    return results.submit(seller.id(), identity.getPrincipal().getName(), id, request);
  }
}
