package io.stockbridge.inventory.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.registry.service.ItemRegistry;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;

@CompletesDespiteDisconnect
@Path("/internal/v1")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Registry (internal)", description = "SKUs and warehouses the ledger accepts movements for")
public class ItemRegistryResource {
  private static final String CODE = "[A-Za-z0-9._-]{1,64}";

  private final ItemRegistry registry;
  private final CurrentSeller seller;

  public ItemRegistryResource(ItemRegistry registry, CurrentSeller seller) {
    this.registry = registry;
    this.seller = seller;
  }

  @PUT
  @Path("skus/{sellerSku}")
  @Operation(summary = "Register a SKU of the seller (from catalog-service); repeating it changes nothing")
  public Uni<Response> registerSku(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku) {
    return registry.registerSku(seller.id(), sellerSku)
        .map(created -> Response.status(created ? Response.Status.CREATED : Response.Status.NO_CONTENT).build());
  }

  @POST
  @Path("skus/{sellerSku}")
  @Operation(summary = "The same as PUT, for senders that only POST (Stockbridge outboxes)")
  public Uni<Response> registerSkuByPost(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku) {
    return registerSku(sellerSku);
  }

  @POST
  @Path("warehouses/{warehouseId}")
  @Operation(summary = "The same as PUT, for senders that only POST (Stockbridge outboxes)")
  public Uni<Response> registerWarehouseByPost(@PathParam("warehouseId") @Pattern(regexp = CODE) String warehouseId) {
    return registerWarehouse(warehouseId);
  }

  @PUT
  @Path("warehouses/{warehouseId}")
  @Operation(summary = "Register a warehouse of the seller (from warehouse-gateway); repeating it changes nothing")
  public Uni<Response> registerWarehouse(@PathParam("warehouseId") @Pattern(regexp = CODE) String warehouseId) {
    return registry.registerWarehouse(seller.id(), warehouseId)
        .map(created -> Response.status(created ? Response.Status.CREATED : Response.Status.NO_CONTENT).build());
  }
}
