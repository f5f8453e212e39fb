package io.stockbridge.inventory.health.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.health.InventoryHealth;
import io.stockbridge.inventory.health.service.InventoryHealthReport;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/reports/inventory-health")
@Tag(name = "Reports", description = "How healthy the seller's stock is (CNT-4)")
public class InventoryHealthResource {
  private static final String CODE = "[A-Za-z0-9._-]{1,64}";
  private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

  private final InventoryHealthReport report;
  private final CurrentSeller seller;

  public InventoryHealthResource(InventoryHealthReport report, CurrentSeller seller) {
    this.report = report;
    this.seller = seller;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The inventory health report per SKU and warehouse, per warehouse and for the seller: on hand, "
      + "available, days of cover, turnover days (healthy at most 45), sell-through (good above 85 %), share older "
      + "than 90 and 180 days, stale readings, below safety stock. from/to are dates, both included, by default the "
      + "last 30 days; at most 366 days (400 beyond). Accept: text/csv gives the same as CSV")
  public Uni<InventoryHealth> inventoryHealth(@QueryParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @QueryParam("from") @Pattern(regexp = DATE) String from, @QueryParam("to") @Pattern(regexp = DATE) String to) {
    return report.of(seller.id(), warehouseId, from, to);
  }

  @GET
  @Produces("text/csv")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The inventory health report as CSV: a line per SKU and warehouse, then per warehouse, then "
      + "the seller's")
  public Uni<String> inventoryHealthCsv(@QueryParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @QueryParam("from") @Pattern(regexp = DATE) String from, @QueryParam("to") @Pattern(regexp = DATE) String to) {
    return report.of(seller.id(), warehouseId, from, to).map(HealthCsv::of);
  }
}
