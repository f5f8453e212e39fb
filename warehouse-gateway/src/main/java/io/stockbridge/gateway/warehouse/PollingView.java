package io.stockbridge.gateway.warehouse;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;

@Schema(description = "How polling a warehouse's WMS API goes")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PollingView(
    @Schema(description = "When the next poll is due; absent: at once") OffsetDateTime nextPollAt,
    OffsetDateTime lastSuccessfulPollAt,
    @Schema(description = "Why the last poll failed; absent after a good one") String lastError,
    @Schema(description = "Failed polls since the last good one") int consecutiveFailures,
    @Schema(description = "What the last good poll noticed, e.g. items held by the warehouse but not mapped to a SKU")
    String note) {

  static PollingView of(WarehouseConnection warehouse) {
    return warehouse.pollIntervalSeconds == null ? null : new PollingView(warehouse.nextPollAt,
        warehouse.lastSuccessfulPollAt, warehouse.lastPollError, warehouse.pollFailures, warehouse.lastPollNote);
  }
}
