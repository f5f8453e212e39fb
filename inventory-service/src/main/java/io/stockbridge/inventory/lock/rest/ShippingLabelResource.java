package io.stockbridge.inventory.lock.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.lock.PackageLabelState;
import io.stockbridge.inventory.lock.service.ShippingLabels;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/internal/v1/shipping-labels")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Edit locks (internal)")
public class ShippingLabelResource {
  private final ShippingLabels labels;
  private final CurrentSeller seller;

  public ShippingLabelResource(ShippingLabels labels, CurrentSeller seller) {
    this.labels = labels;
    this.seller = seller;
  }

  @POST
  @Operation(operationId = "applyPackageLabel", summary = "A channel package's label state (INV-1)",
      description = "LABELLED locks hand edits of the package's SKUs with SKU_HAS_SHIPPING_LABELS until the package "
          + "is SHIPPED or CANCELLED; a closed package never locks again, so the notices may arrive in any order and "
          + "any number of times.")
  @APIResponse(responseCode = "204", description = "Applied")
  public Uni<Void> applyPackageLabel(@NotNull @Valid PackageLabelState label) {
    return labels.apply(seller.id(), label);
  }
}
