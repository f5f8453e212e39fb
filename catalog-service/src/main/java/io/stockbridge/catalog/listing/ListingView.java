package io.stockbridge.catalog.listing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.catalog.listing.repository.Listing;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.catalog.listing.repository.StockDrift;

@Schema(description = "A listing: where it stands, and exactly what blocks it")
@RegisterForReflection
public record ListingView(UUID id, UUID productId, UUID connectionId, String market, ListingStatus status,
    @Schema(description = "Why the latest publication failed; empty otherwise (LST-1)") List<ListingFailure> failures,
    String channelProductId,
    @Schema(description = "Seller SKU to the channel's SKU id") Map<String, String> channelSkus,
    @Schema(description = "LST-5: the channel's stock drifted from the ledger's; publish waits for a recalibration")
    boolean recalibrationRequired,
    List<StockDrift> stockDrift, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

  public static ListingView of(Listing listing) {
    return new ListingView(listing.id, listing.productId, listing.connectionId, listing.market, listing.status,
        listing.failures.list(), listing.channelProductId, listing.channelSkus, listing.recalibrationRequired,
        listing.stockDrift == null ? List.of() : listing.stockDrift.list(), listing.createdAt, listing.updatedAt, listing.version);
  }
}
