package io.stockbridge.inventory.count.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.count.AdHocCount;
import io.stockbridge.inventory.count.CountResults;
import io.stockbridge.inventory.count.CountStatus;
import io.stockbridge.inventory.count.StockCountView;
import io.stockbridge.inventory.count.service.CountResultsService;
import io.stockbridge.inventory.count.service.StockCounts;
import io.stockbridge.inventory.stock.service.Caller;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.rest.EnumParameter;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/counts")
@Tag(name = "Counts", description = "Physical counts whose variance becomes COUNT adjustments (CNT-1)")
public class CountResource {
  private static final String CODE = "[A-Za-z0-9._-]{1,64}";

  private final StockCounts counts;
  private final CountResultsService results;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public CountResource(StockCounts counts, CountResultsService results, CurrentSeller seller,
      SecurityIdentity identity) {
    this.counts = counts;
    this.results = results;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR })
  @Operation(summary = "Count some SKUs of a warehouse now; 422 COUNT_SKUS_NOT_IN_WAREHOUSE names SKUs without stock "
      + "there")
  @APIResponse(responseCode = "201", description = "The count, each SKU frozen at its sellable figure",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = StockCountView.class)))
  public Uni<Response> countNow(@NotNull @Valid AdHocCount request) {
    return counts.countNow(seller.id(), request)
        .map(count -> Response.status(201).entity(count).header("Location", "/v1/counts/" + count.id()).build());
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The seller's counts with their lines, oldest first; status is OPEN, PENDING_APPROVAL or APPLIED")
  public Uni<Page<StockCountView>> listCounts(@QueryParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @QueryParam("status") String status,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
    return counts.list(seller.id(), warehouseId, EnumParameter.parse(CountStatus.class, "status", status), cursor, limit);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "One count: each SKU's frozen figure, what was counted and the variance")
  public Uni<StockCountView> getCount(@PathParam("id") UUID id) {
    return counts.find(seller.id(), id);
  }

  @POST
  @Path("{id}/results")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "What was counted, one line per SKU of the count; applied at once unless a variance is beyond "
      + "the calibration threshold (then PENDING_APPROVAL). The first results stand: a repeat answers them")
  public Uni<StockCountView> submitResults(@PathParam("id") UUID id, @NotNull @Valid CountResults request) {
    return results.submit(seller.id(), Caller.of(identity).actor(), id, request);
  }

  @POST
  @Path("{id}/results")
  @Consumes("text/csv")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The same results as a CSV file: sellerSku,counted per line, a header line allowed")
  public Uni<StockCountView> submitResultsCsv(@PathParam("id") UUID id, String csv) {
    return results.submit(seller.id(), Caller.of(identity).actor(), id, CountResultsCsv.parse(csv));
  }

  @POST
  @Path("{id}/approval")
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Approve a count whose variance was beyond the threshold; it is applied now. "
      + "409 COUNT_NOT_PENDING_APPROVAL otherwise")
  public Uni<StockCountView> approveCount(@PathParam("id") UUID id) {
    return results.approve(seller.id(), Caller.of(identity).actor(), id);
  }
}
