package io.stockbridge.inventory.ownership.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.ownership.repository.OwnershipLogEntry;
import io.stockbridge.inventory.ownership.service.OwnershipService;
import io.stockbridge.inventory.ownership.service.OwnershipSwitch;
import io.stockbridge.inventory.ownership.service.OwnershipSwitchResult;
import io.stockbridge.inventory.ownership.service.OwnershipSwitches;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/skus/ownership")
@Tag(name = "SKU ownership")
public class OwnershipSwitchResource {
  private final OwnershipSwitches switches;
  private final OwnershipService ownership;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public OwnershipSwitchResource(OwnershipSwitches switches, OwnershipService ownership, CurrentSeller seller,
      SecurityIdentity identity) {
    this.switches = switches;
    this.ownership = ownership;
    this.seller = seller;
    this.identity = identity;
  }

  @PUT
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(operationId = "switchOwnership",
      summary = "Hand many SKUs, or all of them, to one integration (EXTERNAL) or to people (MANUAL) at once (CH-2)",
      description = "All named SKUs switch or none does: 422 UNKNOWN_SKUS names every SKU the seller does not have. "
          + "Repeating a switch changes nothing more (idempotent). Each change is logged and becomes effective after "
          + "the channel's cache refresh window (INV-6), a SKU's first owner at once.")
  public Uni<OwnershipSwitchResult> switchOwnership(@NotNull @Valid OwnershipSwitch request) {
    return switches.apply(seller.id(), request, identity.getPrincipal().getName());
  }

  @GET
  @Path("changes")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(operationId = "listOwnershipChanges",
      summary = "The ownership log, oldest first: every change of who owns a SKU, who asked and when it governs")
  public Uni<Page<OwnershipLogEntry>> changes(
      @QueryParam("sellerSku") @Pattern(regexp = OwnershipResource.SELLER_SKU) String sellerSku,
      @QueryParam("cursor") @Pattern(regexp = "[0-9]{1,19}") String cursor,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    long after = cursor == null ? 0 : parse(cursor);
    return ownership.changes(seller.id(), sellerSku, after, limit + 1).map(rows -> {
      boolean more = rows.size() > limit;
      List<OwnershipLogEntry> shown = more ? rows.subList(0, limit) : rows;
      return new Page<>(shown, more ? Long.toString(shown.get(shown.size() - 1).id()) : null);
    });
  }

  private static long parse(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw PageCursor.invalid();
    }
  }
}
