package io.stockbridge.catalog.listing.rest;

import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.listing.ListingAttemptView;
import io.stockbridge.catalog.listing.ListingDraft;
import io.stockbridge.catalog.listing.ListingView;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.catalog.listing.service.ListingPublisher;
import io.stockbridge.catalog.listing.service.ListingService;
import io.stockbridge.catalog.listing.service.StockPrecision;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.EnumParameter;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/listings")
@RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
@Tag(name = "Listings", description = "Products on a channel, with exact failure reasons (LST-1..5)")
public class ListingResource {
  private final ListingService service;
  private final ListingPublisher publisher;
  private final StockPrecision precision;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public ListingResource(ListingService service, ListingPublisher publisher, StockPrecision precision,
      CurrentSeller seller, SecurityIdentity identity) {
    this.service = service;
    this.publisher = publisher;
    this.precision = precision;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @Operation(summary = "Make a draft listing of a product on a channel connection in a market")
  @APIResponse(responseCode = "201", description = "The draft listing",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ListingView.class)))
  public Uni<Response> createListing(@NotNull @Valid ListingDraft draft) {
    return service.createDraft(seller.id(), draft).map(view -> Response.status(Response.Status.CREATED)
        .entity(view).header("Location", "/v1/listings/" + view.id()).build());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A listing, with its failures")
  public Uni<ListingView> getListing(@PathParam("id") UUID id) {
    return service.find(seller.id(), id);
  }

  @GET
  @Operation(summary = "The seller's listings, oldest first, a page at a time")
  public Uni<Page<ListingView>> listListings(@QueryParam("status") @Size(max = 20) String status,
      @QueryParam("productId") UUID productId, @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.list(seller.id(), EnumParameter.parse(ListingStatus.class, "status", status), productId, cursor,
        limit);
  }

  @POST
  @Path("{id}/publish")
  @Operation(summary = "Publish: local checks, compliance check, then the channel",
      description = "The answer is the listing: LIVE, IN_REVIEW (the channel's audit result arrives by webhook) or"
          + " FAILED with failures [{code, field, message}] (LST-1). Every attempt is kept. 409 LISTING_LOCKED with"
          + " lockedUntil after more than 3 failed submissions of a SKU within 24 hours (LST-4); 409"
          + " RECALIBRATION_REQUIRED for a listing delisted for stock drift (LST-5); 409 REAUTHORIZATION_REQUIRED or"
          + " UNAUTHORIZED_CHANNEL when the channel refuses the connection (CH-3, CH-4); 503 when compliance-service"
          + " or the channel cannot be reached (nothing was submitted).")
  public Uni<ListingView> publish(@PathParam("id") UUID id) {
    return publisher.publish(seller.id(), identity.getPrincipal().getName(), id);
  }

  @POST
  @Path("{id}/recalibration")
  @Operation(summary = "Recalibrate a listing delisted for stock drift (LST-5)",
      description = "Pushes the ledger's quantities for every SKU and mapped warehouse, reads the channel back and,"
          + " when each agrees within the tolerance, clears the listing for publication (publish lists the same"
          + " channel product again). 409 NOT_DRIFTED, 409 RECALIBRATION_FAILED with the remaining drift.")
  public Uni<ListingView> recalibrate(@PathParam("id") UUID id) {
    return precision.recalibrate(seller.id(), id);
  }

  @GET
  @Path("{id}/attempts")
  @Operation(summary = "Every publication attempt of the listing, newest first")
  public Uni<List<ListingAttemptView>> listAttempts(@PathParam("id") UUID id) {
    return service.attempts(seller.id(), id);
  }
}
