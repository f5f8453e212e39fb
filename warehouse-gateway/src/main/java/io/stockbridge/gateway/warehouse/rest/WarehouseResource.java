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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.warehouse.service.WarehouseService;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.EnumParameter;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;

@CompletesDespiteDisconnect
@Path("/v1/warehouses")
@Tag(name = "Warehouses", description = "Connections to overseas warehouses and their WMS APIs (WH-1)")
public class WarehouseResource {
  private final WarehouseService service;
  private final CurrentSeller seller;

  public WarehouseResource(WarehouseService service, CurrentSeller seller) {
    this.service = service;
    this.seller = seller;
  }

  @POST
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Connect a warehouse")
  public Uni<Response> connect(@NotNull @Valid WarehouseDraft draft) {
    return service.connect(seller.id(), draft)
        .map(view -> Response.status(Response.Status.CREATED).entity(view)
            .header("Location", "/v1/warehouses/" + view.id()).build());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "One warehouse connection")
  public Uni<WarehouseView> get(@PathParam("id") UUID id) {
    return service.find(seller.id(), id);
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The seller's warehouse connections, oldest first")
  public Uni<Page<WarehouseView>> list(
      @Parameter(schema = @Schema(implementation = AdapterType.class)) @QueryParam("adapter") String adapter,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.list(seller.id(), EnumParameter.parse(AdapterType.class, "adapter", adapter), cursor, limit);
  }

  @POST
  @Path("{id}/disable")
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Stop syncing a warehouse; its history stays")
  public Uni<WarehouseView> disable(@PathParam("id") UUID id) {
    return service.disable(seller.id(), id);
  }
}
