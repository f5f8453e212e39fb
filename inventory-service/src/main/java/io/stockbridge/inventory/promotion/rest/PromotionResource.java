package io.stockbridge.inventory.promotion.rest;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.promotion.repository.PromotionStatus;
import io.stockbridge.inventory.promotion.service.PromotionRequest;
import io.stockbridge.inventory.promotion.service.PromotionView;
import io.stockbridge.inventory.promotion.service.Promotions;
import io.stockbridge.inventory.stock.service.Caller;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;
import io.quarkus.security.identity.SecurityIdentity;

@CompletesDespiteDisconnect
@Path("/v1/promotions")
@Tag(name = "Promotions", description = "Flash sales whose SKUs' stock may not be edited by hand while they run (INV-1)")
public class PromotionResource {
  private final Promotions promotions;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public PromotionResource(Promotions promotions, CurrentSeller seller, SecurityIdentity identity) {
    this.promotions = promotions;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.ERP_INTEGRATION })
  @Operation(operationId = "createPromotion", summary = "Protect a promotion: hand edits of its SKUs are refused "
      + "with SKU_LOCKED_BY_PROMOTION from startsAt until endsAt (overlapping promotions stack)",
      description = "Send an Idempotency-Key: a repeat returns the first promotion. 400 for a window that has ended, "
          + "ends before it starts or is longer than allowed; 422 UNKNOWN_SKUS names SKUs the seller does not have.")
  @APIResponse(responseCode = "201", description = "The promotion; Location is its address",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = PromotionView.class)))
  public Uni<Response> createPromotion(@HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull @Valid PromotionRequest request) {
    return promotions.create(seller.id(), request, Caller.of(identity).actor(), idempotencyKey)
        .map(result -> Response.status(201).entity(result.value())
            .header("Location", "/v1/promotions/" + result.value().id())
            .header(IdempotentResult.REPLAYED_HEADER, result.replayed()).build());
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(operationId = "listPromotions", summary = "The seller's promotions, oldest first, by status or SKU")
  public Uni<Page<PromotionView>> listPromotions(@QueryParam("status") PromotionStatus status,
      @QueryParam("sellerSku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sellerSku,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return promotions.list(seller.id(), status, sellerSku, cursor, limit);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(operationId = "getPromotion", summary = "One promotion and whether it runs now")
  public Uni<PromotionView> getPromotion(@PathParam("id") UUID id) {
    return promotions.find(seller.id(), id);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.ERP_INTEGRATION })
  @Operation(operationId = "cancelPromotion", summary = "Cancel a promotion: its SKUs are free again unless another "
      + "running promotion holds them; cancelling twice changes nothing")
  public Uni<PromotionView> cancelPromotion(@PathParam("id") UUID id) {
    return promotions.cancel(seller.id(), id, Caller.of(identity).actor());
  }
}
