package io.stockbridge.inventory.stock.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.stock.MovementBatch;
import io.stockbridge.inventory.stock.SafetyStockPolicy;
import io.stockbridge.inventory.stock.SafetyStockPolicyView;
import io.stockbridge.inventory.stock.StockAge;
import io.stockbridge.inventory.stock.StockHistory;
import io.stockbridge.inventory.stock.StockEdit;
import io.stockbridge.inventory.stock.StockQuery;
import io.stockbridge.inventory.stock.StockQueryResult;
import io.stockbridge.inventory.stock.WarehouseStock;
import io.stockbridge.inventory.stock.service.Caller;
import io.stockbridge.inventory.stock.service.SafetyStockPolicies;
import io.stockbridge.inventory.stock.service.StockEditService;
import io.stockbridge.inventory.stock.service.StockQueries;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;
import io.stockbridge.inventory.stock.SkuStock;
import io.stockbridge.inventory.stock.BalanceChange;

@CompletesDespiteDisconnect
@Path("/v1/stock")
@Tag(name = "Stock", description = "The stock picture per SKU and warehouse, and the ledger movements that change it")
public class StockResource {
  private static final String CODE = "[A-Za-z0-9._-]{1,64}";

  private final StockQueries queries;
  private final StockEditService edits;
  private final SafetyStockPolicies policies;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public StockResource(StockQueries queries, StockEditService edits, SafetyStockPolicies policies,
      CurrentSeller seller, SecurityIdentity identity) {
    this.queries = queries;
    this.edits = edits;
    this.policies = policies;
    this.seller = seller;
    this.identity = identity;
  }

  @GET
  @Path("{sellerSku}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "A SKU's buckets and available quantity in every warehouse",
      description = "The weak ETag changes whenever any of the SKU's balances changes; each balance's own version"
          + " (for If-Match on an edit) is in its levels.")
  @APIResponse(responseCode = "200", description = "The SKU's stock; ETag (weak) for caching",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkuStock.class)))
  public Uni<Response> getSkuStock(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku) {
    return queries.ofSku(seller.id(), sellerSku).map(stock -> Response.ok(stock)
        .tag(new EntityTag(stock.warehouses().stream().map(w -> w.warehouseId() + ":" + w.levels().version())
            .collect(java.util.stream.Collectors.joining(",")).hashCode() + "", true))
        .build());
  }

  @GET
  @Path("{sellerSku}/age")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "How old the SKU's on-hand units are, per warehouse (receipt layers, consumed oldest first)")
  public Uni<StockAge> getStockAge(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku) {
    return queries.age(seller.id(), sellerSku);
  }

  @GET
  @Path("{sellerSku}/history")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The SKU's available at the end of each of the last days (UTC), summed over its warehouses "
      + "or in one; today's figure is the balance now")
  public Uni<StockHistory> getStockHistory(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku,
      @QueryParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @QueryParam("days") @DefaultValue("14") @Min(1) @Max(366) int days) {
    return queries.history(seller.id(), sellerSku, warehouseId, days);
  }

  @GET
  @Path("{sellerSku}/warehouses/{warehouseId}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "A SKU's buckets in one warehouse; the ETag is the version to send as If-Match")
  @APIResponse(responseCode = "200", description = "The balance; its ETag is the version for If-Match",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = WarehouseStock.class)))
  public Uni<Response> getWarehouseStock(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku,
      @PathParam("warehouseId") @Pattern(regexp = CODE) String warehouseId) {
    return queries.ofItem(seller.id(), sellerSku, warehouseId)
        .map(stock -> Response.ok(stock).tag(new EntityTag(Long.toString(stock.levels().version()))).build());
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Balances in (SKU, warehouse) order, a page at a time")
  public Uni<Page<WarehouseStock>> listWarehouseStock(@QueryParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @QueryParam("belowSafetyStock") @DefaultValue("false") boolean belowSafetyStock,
      @QueryParam("cursor") @Size(max = 300) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return queries.list(seller.id(), warehouseId, belowSafetyStock, cursor, limit);
  }

  @POST
  @Path("query")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Many SKUs' buckets and available quantities in one call (up to 500), optionally in one "
      + "warehouse; SKUs the seller has not are listed apart, not refused")
  public Uni<StockQueryResult> queryStock(@NotNull @Valid StockQuery query) {
    return queries.ofSkus(seller.id(), query);
  }

  @POST
  @Path("movements")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Apply movements between buckets, all or none",
      description = "Send an Idempotency-Key: a repeat returns the first result and changes nothing.")
  @APIResponse(responseCode = "200", description = "Every balance changed, before and after; Idempotent-Replayed: true for a repeat",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = BalanceChange.Batch.class)))
  public Uni<Response> moveStock(@HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull @Valid MovementBatch batch) {
    return edits.move(seller.id(), Caller.of(identity), idempotencyKey, batch)
        .map(result -> Response.ok(result.value())
            .header(IdempotentResult.REPLAYED_HEADER, result.replayed()).build());
  }

  @PUT
  @Path("{sellerSku}/warehouses/{warehouseId}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Set sellable (and safety stock) by hand",
      description = "Requires If-Match with the version last read. Refused for SKUs owned by an integration (40302),"
          + " locked SKUs (INV-1) and SKUs edited too often (429, INV-4).")
  @APIResponse(responseCode = "200", description = "The balances changed; the ETag is the new version",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = BalanceChange.Batch.class)))
  public Uni<Response> editStock(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku,
      @PathParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @HeaderParam("If-Match") String ifMatch, @NotNull @Valid StockEdit edit) {
    long expected = parseVersion(ifMatch);
    return edits.edit(seller.id(), Caller.of(identity), sellerSku, warehouseId, expected, edit)
        .map(batch -> {
          var response = Response.ok(batch);
          if (!batch.changes().isEmpty()) {
            response.tag(new EntityTag(Long.toString(batch.changes().get(batch.changes().size() - 1).after().version())));
          }
          return response.build();
        });
  }

  @PUT
  @Path("{sellerSku}/warehouses/{warehouseId}/safety-stock")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Set a SKU's safety stock and lead time in one warehouse (CNT-2)",
      description = "A policy, not a stock edit: allowed for SKUs an integration owns, not counted against the edit "
          + "rate (INV-4), audited. Falling below the safety stock raises BELOW_SAFETY_STOCK; the lead time shapes "
          + "REPLENISH suggestions.")
  public Uni<SafetyStockPolicyView> setSafetyStock(@PathParam("sellerSku") @Pattern(regexp = CODE) String sellerSku,
      @PathParam("warehouseId") @Pattern(regexp = CODE) String warehouseId, @NotNull @Valid SafetyStockPolicy policy) {
    return policies.set(seller.id(), Caller.of(identity), sellerSku, warehouseId, policy);
  }

  private static long parseVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(428, InventoryProblem.PRECONDITION_REQUIRED, "Precondition required",
          "Send If-Match with the version (ETag) you last read", List.of(new FieldError("If-Match", "required", "required")));
    }
    String value = ifMatch.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "If-Match must be a version this API returned",
          List.of(new FieldError("If-Match", "invalid", "an ETag such as \"3\"")));
    }
  }
}
