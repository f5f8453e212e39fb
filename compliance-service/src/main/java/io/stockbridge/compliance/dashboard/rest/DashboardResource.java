package io.stockbridge.compliance.dashboard.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.dashboard.DashboardView;
import io.stockbridge.compliance.dashboard.service.DashboardService;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.problem.EnumParameter;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/dashboard")
@Tag(name = "Dashboard", description = "What blocks publication and what expires soon, per product and market")
public class DashboardResource {
  private final DashboardService service;
  private final CurrentSeller seller;

  public DashboardResource(DashboardService service, CurrentSeller seller) {
    this.service = service;
    this.seller = seller;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Per market: each checked product judged as of today, documents expiring soon, payouts at risk",
      description = "Without market, every market with something to show. Products are those ever checked, by id.")
  public Uni<DashboardView> dashboard(
      @Parameter(schema = @Schema(implementation = Market.class)) @QueryParam("market") String market,
      @Parameter(description = "The nextAfterProductId of the previous page (one market only)")
      @QueryParam("afterProductId") @Size(max = 100) String afterProductId,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
    return service.dashboard(seller.id(), EnumParameter.parse(Market.class, "market", market), afterProductId, limit);
  }
}
