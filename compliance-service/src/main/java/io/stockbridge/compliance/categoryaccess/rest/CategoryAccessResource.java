package io.stockbridge.compliance.categoryaccess.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.categoryaccess.AccessDecision;
import io.stockbridge.compliance.categoryaccess.AccessRequestDraft;
import io.stockbridge.compliance.categoryaccess.AccessRequestView;
import io.stockbridge.compliance.categoryaccess.repository.AccessRequestStatus;
import io.stockbridge.compliance.categoryaccess.service.CategoryAccessService;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.EnumParameter;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/category-access-requests")
@Tag(name = "Category access", description = "Requests to sell in invitation-only categories (LST-2)")
public class CategoryAccessResource {
  private final CategoryAccessService service;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public CategoryAccessResource(CategoryAccessService service, CurrentSeller seller, SecurityIdentity identity) {
    this.service = service;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Ask to sell in a category of a market that is open by invitation only")
  @APIResponse(responseCode = "201", description = "The request, waiting for a platform admin",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccessRequestView.class)))
  public Uni<Response> request(@NotNull @Valid AccessRequestDraft draft) {
    return service.request(seller.id(), identity.getPrincipal().getName(), draft)
        .map(view -> Response.status(Response.Status.CREATED).entity(view)
            .header("Location", "/v1/category-access-requests/" + view.id()).build());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.PLATFORM_ADMIN })
  @Operation(summary = "One request: the seller's own, or any for a platform admin")
  public Uni<AccessRequestView> getAccessRequest(@PathParam("id") UUID id) {
    return service.find(scope(), id);
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.PLATFORM_ADMIN })
  @Operation(summary = "Requests, oldest first: the seller's own, or every seller's for a platform admin")
  public Uni<Page<AccessRequestView>> listAccessRequests(
      @Parameter(schema = @Schema(implementation = AccessRequestStatus.class)) @QueryParam("status") String status,
      @Parameter(schema = @Schema(implementation = Market.class)) @QueryParam("market") String market,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.list(scope(), EnumParameter.parse(AccessRequestStatus.class, "status", status),
        EnumParameter.parse(Market.class, "market", market), cursor, limit);
  }

  @POST
  @Path("{id}/decision")
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(summary = "Approve or reject a pending request; a decision is final")
  public Uni<AccessRequestView> decide(@PathParam("id") UUID id, @NotNull @Valid AccessDecision decision) {
    return service.decide(id, identity.getPrincipal().getName(), decision);
  }

  /** A platform admin reviews every seller's requests; anyone else sees only their seller's. */
  private String scope() {
    return identity.hasRole(Roles.PLATFORM_ADMIN) ? null : seller.id();
  }
}
