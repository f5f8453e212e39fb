package io.stockbridge.compliance.category.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.category.service.CategoryDirectory;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.EnumParameter;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;

@CompletesDespiteDisconnect
@Path("/v1/categories")
@Tag(name = "Categories", description = "Per-market category trees and their whitelist (LST-2)")
public class CategoryResource {
  private final CategoryDirectory directory;

  public CategoryResource(CategoryDirectory directory) {
    this.directory = directory;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.COMPLIANCE_REVIEWER,
      Roles.PLATFORM_ADMIN })
  @Operation(summary = "A market's category tree: which top-level categories are open, which by invitation only")
  public Uni<CategoryTreeView> tree(
      @Parameter(required = true, schema = @Schema(implementation = Market.class)) @QueryParam("market") String market) {
    Market chosen = requiredMarket(market);
    return directory.tree(chosen).map(rows -> CategoryTreeView.of(chosen, rows));
  }

  @PUT
  @Path("{market}/whitelist")
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(summary = "Open a top-level category to every seller, or make it invitation-only again")
  public Uni<CategoryTreeView> setWhitelisted(
      @Parameter(schema = @Schema(implementation = Market.class)) @PathParam("market") String market,
      @NotNull @Valid WhitelistChange change) {
    Market chosen = requiredMarket(market);
    return directory.setWhitelisted(chosen, change.path(), change.whitelisted())
        .map(rows -> CategoryTreeView.of(chosen, rows));
  }

  private static Market requiredMarket(String market) {
    Market parsed = EnumParameter.parse(Market.class, "market", market);
    if (parsed == null) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Name the market",
          java.util.List.of(new FieldError("market", "required", "one of US, UK, DE, FR, ID, TH, VN")));
    }
    return parsed;
  }

  @Schema(description = "Whether a top-level category is open to every seller")
  public record WhitelistChange(@NotBlank @Size(max = 255) String path, @NotNull Boolean whitelisted) {
  }
}
