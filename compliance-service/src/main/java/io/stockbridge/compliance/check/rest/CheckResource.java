package io.stockbridge.compliance.check.rest;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.check.CheckRequest;
import io.stockbridge.compliance.check.CheckView;
import io.stockbridge.compliance.check.service.CheckService;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.EnumParameter;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/checks")
@Tag(name = "Publication checks", description = "What blocks a product's publication (LST-1, LST-2, CMP-1..4)")
public class CheckResource {
  private final CheckService service;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public CheckResource(CheckService service, CurrentSeller seller, SecurityIdentity identity) {
    this.service = service;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.SERVICE })
  @Operation(summary = "Check a product against the current rules; every failure has a code, a field and a message",
      description = "A seller's token, or a Stockbridge service account naming the seller in the "
          + "Stockbridge-Seller-Id header. The check is recorded with the rule set version it applied.")
  public Uni<CheckView> check(@NotNull @Valid CheckRequest request) {
    return service.check(seller.id(), identity.getPrincipal().getName(), request);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.SERVICE })
  @Operation(summary = "A recorded check")
  public Uni<CheckView> getCheck(@PathParam("id") UUID id) {
    return service.find(seller.id(), id);
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.SERVICE })
  @Operation(summary = "Recorded checks, oldest first")
  public Uni<Page<CheckView>> listChecks(
      @Parameter(schema = @Schema(implementation = Market.class)) @QueryParam("market") String market,
      @QueryParam("productId") @Size(max = 100) String productId,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.list(seller.id(), EnumParameter.parse(Market.class, "market", market), productId, cursor, limit);
  }
}
