package io.stockbridge.inventory.count;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What warehouse-gateway hears when a count starts: the warehouse is asked to count these SKUs, if its WMS takes
 * count requests. Its answer comes back as the count's results.
 */
@Schema(description = "A count the warehouse is asked to perform")
public record CountRequested(UUID countId, String warehouseId, List<String> sellerSkus, OffsetDateTime startedAt) {
}
