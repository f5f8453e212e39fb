package io.stockbridge.compliance.rule.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import io.stockbridge.compliance.market.Market;
import io.stockbridge.compliance.rule.RuleDraft;
import io.stockbridge.compliance.rule.RuleSetView;
import io.stockbridge.compliance.rule.service.RequirementRuleService;
import io.stockbridge.platform.problem.EnumParameter;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;

@CompletesDespiteDisconnect
@Path("/v1/requirement-rules")
@Tag(name = "Requirement rules", description = "Which documents a market and category need (CMP-1), versioned")
public class RequirementRuleResource {
  private final RequirementRuleService service;
  private final SecurityIdentity identity;

  public RequirementRuleResource(RequirementRuleService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.COMPLIANCE_REVIEWER,
      Roles.PLATFORM_ADMIN })
  @Operation(summary = "The rules of the current (or a past) rule set version, of one market or all")
  public Uni<RuleSetView> rules(
      @Parameter(schema = @Schema(implementation = Market.class)) @QueryParam("market") String market,
      @Parameter(description = "A past version; the current one when absent") @QueryParam("version") @Min(1)
      Integer version) {
    return service.view(version, EnumParameter.parse(Market.class, "market", market));
  }

  @GET
  @Path("versions")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.COMPLIANCE_REVIEWER,
      Roles.PLATFORM_ADMIN })
  @Operation(summary = "Every version of the rule set, newest first: who changed what, when")
  public Uni<List<RuleSetView.VersionView>> versions() {
    return service.versions();
  }

  @POST
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(summary = "Add a rule; the rule set gets a new version, applied from the next check")
  @APIResponse(responseCode = "201", description = "The rule set with the new rule",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleSetView.class)))
  public Uni<Response> add(@NotNull @Valid RuleDraft draft) {
    return service.add(identity.getPrincipal().getName(), draft)
        .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
  }

  @PUT
  @Path("{ruleId}")
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(summary = "Reword a rule; the rule set gets a new version, the old wording stays in the old ones")
  public Uni<RuleSetView> replace(@PathParam("ruleId") UUID ruleId, @NotNull @Valid RuleDraft draft) {
    return service.replace(identity.getPrincipal().getName(), ruleId, draft);
  }

  @DELETE
  @Path("{ruleId}")
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(summary = "Withdraw a rule; the rule set gets a new version without it")
  public Uni<RuleSetView> remove(@PathParam("ruleId") UUID ruleId,
      @Parameter(description = "Why it is withdrawn") @QueryParam("note") @Size(max = 500) String note) {
    return service.remove(identity.getPrincipal().getName(), ruleId, note);
  }
}
