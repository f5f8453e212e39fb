package io.stockbridge.gateway.count.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.count.CountRequestStatus;
import io.stockbridge.gateway.count.CountRequestView;
import io.stockbridge.gateway.count.CountRequested;
import io.stockbridge.gateway.count.service.CountRequests;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.rest.EnumParameter;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/")
@Tag(name = "Count requests", description = "Counts asked of warehouses whose WMS takes count requests (CNT-1)")
public class CountRequestResource {
  private final CountRequests requests;
  private final CurrentSeller seller;

  public CountRequestResource(CountRequests requests, CurrentSeller seller) {
    this.requests = requests;
    this.seller = seller;
  }

  @POST
  @Path("internal/v1/count-requests")
  @RolesAllowed(Roles.SERVICE)
  @Operation(summary = "A count inventory-service started: recorded once, then sent to the warehouse if its WMS takes "
      + "count requests (else NOT_REQUESTED with the reason); a repeat answers the first record")
  public Uni<CountRequestView> countStarted(@NotNull @Valid CountRequested count) {
    return requests.accept(seller.id(), count);
  }

  @GET
  @Path("v1/count-requests")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The seller's count requests, oldest first: whether each reached its warehouse, and why not")
  public Uni<Page<CountRequestView>> listCountRequests(
      @QueryParam("warehouseId") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId,
      @QueryParam("status") String status,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
    return requests.list(seller.id(), warehouseId,
        EnumParameter.parse(CountRequestStatus.class, "status", status), cursor, limit);
  }
}
