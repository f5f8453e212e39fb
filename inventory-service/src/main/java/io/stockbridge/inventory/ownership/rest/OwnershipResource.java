package io.stockbridge.inventory.ownership.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.ownership.service.OwnershipService;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;
import io.stockbridge.platform.time.SuiteClock;

@CompletesDespiteDisconnect
@Path("/v1/skus/{sellerSku}/ownership")
@Tag(name = "SKU ownership", description = "Who may set a SKU's stock: an integration or a person (INV-2, INV-6)")
public class OwnershipResource {
  /** The seller SKU format every path of this service accepts. */
  public static final String SELLER_SKU = "[A-Za-z0-9._-]{1,64}";

  private final OwnershipService service;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;
  private final SuiteClock clock;

  public OwnershipResource(OwnershipService service, CurrentSeller seller, SecurityIdentity identity, SuiteClock clock) {
    this.service = service;
    this.seller = seller;
    this.identity = identity;
    this.clock = clock;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Who owns the SKU's stock now, and since when")
  @APIResponse(responseCode = "200", description = "The ownership; its ETag is the version",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipView.class)))
  public Uni<Response> getOwnership(@PathParam("sellerSku") @Pattern(regexp = SELLER_SKU) String sellerSku) {
    return service.find(seller.id(), sellerSku).map(this::respond);
  }

  @PUT
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Hand the SKU's stock to an integration (EXTERNAL) or to people (MANUAL)",
      description = "A change becomes effective after the channel's cache refresh window (INV-6, default 15 min);"
          + " the response says when.")
  @APIResponse(responseCode = "200", description = "The ownership as changed, with when it takes effect",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipView.class)))
  public Uni<Response> changeOwnership(@PathParam("sellerSku") @Pattern(regexp = SELLER_SKU) String sellerSku,
      @NotNull @Valid OwnershipChange change) {
    return service.change(seller.id(), sellerSku, change.mode(), change.integrationId(),
            identity.getPrincipal().getName())
        .map(this::respond);
  }

  private Response respond(io.stockbridge.inventory.ownership.repository.SkuOwnership ownership) {
    return Response.ok(OwnershipView.of(ownership, clock.now()))
        .tag(new EntityTag(Long.toString(ownership.version)))
        .build();
  }
}
