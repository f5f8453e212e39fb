package io.stockbridge.inventory.count.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.count.CountPlanRequest;
import io.stockbridge.inventory.count.CountPlanView;
import io.stockbridge.inventory.count.service.CountPlans;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/count-plans")
@Tag(name = "Counts", description = "Physical counts whose variance becomes COUNT adjustments (CNT-1)")
public class CountPlanResource {
  private final CountPlans plans;
  private final CurrentSeller seller;

  public CountPlanResource(CountPlans plans, CurrentSeller seller) {
    this.plans = plans;
    this.seller = seller;
  }

  @POST
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR })
  @Operation(summary = "Plan counts for a warehouse: CYCLE (a daily slice by velocity class: A weekly, B monthly, "
      + "C quarterly), FULL (every SKU at startsAt) or CAMPAIGN (its SKUs a day before startsAt and at endsAt)")
  @APIResponse(responseCode = "201", description = "The plan",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = CountPlanView.class)))
  public Uni<Response> createPlan(@NotNull @Valid CountPlanRequest request) {
    return plans.create(seller.id(), request)
        .map(plan -> Response.status(201).entity(plan).header("Location", "/v1/count-plans/" + plan.id()).build());
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The seller's count plans, oldest first")
  public Uni<Page<CountPlanView>> listPlans(
      @QueryParam("warehouseId") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return plans.list(seller.id(), warehouseId, cursor, limit);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "One count plan and when it next produces a count")
  public Uni<CountPlanView> getPlan(@PathParam("id") UUID id) {
    return plans.find(seller.id(), id);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR })
  @Operation(summary = "Stop a plan: it produces no more counts; the counts it made stay")
  public Uni<CountPlanView> stopPlan(@PathParam("id") UUID id) {
    return plans.stop(seller.id(), id);
  }
}
