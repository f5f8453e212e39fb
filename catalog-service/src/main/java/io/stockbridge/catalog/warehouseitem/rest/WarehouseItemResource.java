package io.stockbridge.catalog.warehouseitem.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.warehouseitem.WarehouseItemMapping;
import io.stockbridge.catalog.warehouseitem.WarehouseItemView;
import io.stockbridge.catalog.warehouseitem.service.WarehouseItemService;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/")
@Tag(name = "Warehouse items", description = "The three codes of a SKU per warehouse (WH-3)")
public class WarehouseItemResource {
  private static final String CODE = "[A-Za-z0-9._-]{1,64}";

  private final WarehouseItemService service;
  private final CurrentSeller seller;

  public WarehouseItemResource(WarehouseItemService service, CurrentSeller seller) {
    this.service = service;
    this.seller = seller;
  }

  @PUT
  @Path("v1/skus/{sellerSku}/warehouse-items/{warehouseId}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Say how a warehouse's WMS knows the SKU: its item id and barcode there")
  public Uni<WarehouseItemView> map(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku,
      @PathParam("warehouseId") @Pattern(regexp = CODE) String warehouseId, @NotNull @Valid WarehouseItemMapping mapping) {
    return service.map(seller.id(), sellerSku, warehouseId, mapping);
  }

  @GET
  @Path("internal/v1/warehouse-items/{warehouseId}/{wmsItemId}")
  @RolesAllowed(Roles.SERVICE)
  @Operation(summary = "The SKU a warehouse item is (for warehouse-gateway); 404 when not mapped")
  public Uni<WarehouseItemView> resolve(@PathParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @PathParam("wmsItemId") @Size(max = 128) String wmsItemId) {
    return service.resolve(seller.id(), warehouseId, wmsItemId);
  }

  @GET
  @Path("internal/v1/warehouse-items/{warehouseId}")
  @RolesAllowed(Roles.SERVICE)
  @Operation(summary = "Every item mapped in a warehouse, in WMS item id order (for warehouse-gateway's polls)")
  public Uni<Page<WarehouseItemView>> listWarehouseItems(@PathParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @QueryParam("cursor") @Size(max = 400) String cursor,
      @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
    return service.list(seller.id(), warehouseId, cursor, limit);
  }
}
