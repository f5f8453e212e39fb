package io.stockbridge.inventory.ownership.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.ownership.repository.OwnershipMode;

/**
 * A request to change who owns a SKU's stock.
 */
@Schema(description = "Who owns a SKU's stock from now on (rule INV-2)")
public record OwnershipChange(
    @Schema(description = "EXTERNAL: only the named integration may set the stock; MANUAL: edited by hand")
    @NotNull OwnershipMode mode,
    @Schema(description = "Client id of the owning integration; required for EXTERNAL, absent for MANUAL")
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String integrationId) {
}
