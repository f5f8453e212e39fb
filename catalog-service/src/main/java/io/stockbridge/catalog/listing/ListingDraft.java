package io.stockbridge.catalog.listing;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A product to list on a channel connection in a market")
public record ListingDraft(
    @NotNull UUID productId,
    @Schema(description = "An ACTIVE channel connection of the seller") @NotNull UUID connectionId,
    @Schema(description = "The market, as compliance-service knows it", enumeration = { "US", "UK", "DE", "FR", "ID",
        "TH", "VN" })
    @NotNull @Pattern(regexp = "US|UK|DE|FR|ID|TH|VN", message = "must be one of US, UK, DE, FR, ID, TH, VN") String market) {
}
