package io.stockbridge.catalog.threecode.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.threecode.ThreeCodeReport;
import io.stockbridge.catalog.threecode.service.ThreeCodeCheck;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/three-code-check")
@Tag(name = "Warehouse items", description = "The three codes of each SKU per warehouse (WH-3)")
public class ThreeCodeResource {
  private final ThreeCodeCheck check;
  private final CurrentSeller seller;

  public ThreeCodeResource(ThreeCodeCheck check, CurrentSeller seller) {
    this.check = check;
    this.seller = seller;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Every disagreement between the catalogue's SKUs and barcodes and one warehouse's items",
      description = "Barcode differs from the catalogue, SKU not mapped (flagged when the ledger reports stock there), "
          + "one WMS item mapped to two SKUs, one barcode for two SKUs, a mapping to a SKU the catalogue lacks. 404 for"
          + " a warehouse where the seller has neither a mapped item nor reported stock (another seller's, or none).")
  public Uni<ThreeCodeReport> check(@QueryParam("warehouseId") @NotBlank @Size(max = 64) String warehouseId) {
    return check.check(seller.id(), warehouseId);
  }
}
