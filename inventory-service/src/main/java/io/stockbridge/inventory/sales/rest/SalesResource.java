package io.stockbridge.inventory.sales.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.sales.SalesHistory;
import io.stockbridge.inventory.sales.service.SalesHistoryService;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/sales")
@Tag(name = "Sales", description = "Sales per day from the ledger's own shipments (committed reservations)")
public class SalesResource {
  private static final String CODE = "[A-Za-z0-9._-]{1,64}";
  private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

  private final SalesHistoryService sales;
  private final CurrentSeller seller;

  public SalesResource(SalesHistoryService sales, CurrentSeller seller) {
    this.sales = sales;
    this.seller = seller;
  }

  @GET
  @Path("{sellerSku}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "A SKU's units shipped per day (UTC), in one warehouse or all; from/to are dates, both "
      + "included, by default the last 30 days; at most 366 days (400 beyond)")
  public Uni<SalesHistory> salesOfSku(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku,
      @QueryParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @QueryParam("from") @Pattern(regexp = DATE) String from,
      @QueryParam("to") @Pattern(regexp = DATE) String to) {
    return sales.of(seller.id(), sellerSku, warehouseId, from, to);
  }
}
