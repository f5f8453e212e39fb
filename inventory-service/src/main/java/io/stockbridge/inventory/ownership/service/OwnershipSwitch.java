package io.stockbridge.inventory.ownership.service;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.ownership.repository.OwnershipMode;

/**
 * A request to hand many SKUs, or all of a seller's, to one owner at once (CH-2: switching ERP).
 */
@Schema(description = "Who owns the stock of the named SKUs, or of every SKU, from now on (rules CH-2, INV-2, INV-6)")
public record OwnershipSwitch(
    @Schema(description = "The SKUs to switch, at most 1000; leave out when all is true")
    @Size(min = 1, max = OwnershipSwitch.MAX_SKUS) List<@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> sellerSkus,
    @Schema(description = "true to switch every SKU the seller has; then sellerSkus must be absent") Boolean all,
    @Schema(description = "EXTERNAL: only the named integration may set the stock; MANUAL: edited by hand")
    @NotNull OwnershipMode mode,
    @Schema(description = "Client id of the owning integration; required for EXTERNAL, absent for MANUAL")
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String integrationId) {

  /** The most SKUs one switch may name; "all" has no such limit. */
  public static final int MAX_SKUS = 1000;

  public boolean everySku() {
    return Boolean.TRUE.equals(all);
  }
}
