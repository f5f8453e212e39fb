package io.stockbridge.gateway.warehouse;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;
import io.stockbridge.gateway.warehouse.service.SyncState;

@Schema(description = "A warehouse connection")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WarehouseView(UUID id, String code, String name, String country, AdapterType adapter, boolean apiReady,
    @Schema(description = "Seconds between polls; absent for adapters that do not poll") Integer pollIntervalSeconds,
    boolean enabled, @Schema(description = "Whether WMS credentials are stored (they are never shown)") boolean hasCredentials,
    @Schema(description = "Where the partner sends webhooks; absent for adapters that are polled") String webhookUrl,
    @Schema(description = "The webhook secret (whsec_...), in the response that issues it and never again") String webhookSecret,
    @Schema(description = "When stock data last arrived (webhook, poll or file)") OffsetDateTime lastSuccessfulSyncAt,
    @Schema(description = "NEVER, FRESH, or STALE when nothing arrived for 15 min (4 h for CSV warehouses), rule WH-2")
    SyncState syncState,
    @Schema(description = "Polling state; absent for warehouses that are not polled") PollingView polling,
    @Schema(description = "Where the partner takes count requests; absent when its WMS takes none") String countRequestUrl,
    OffsetDateTime createdAt, long version) {

  public static WarehouseView of(WarehouseConnection warehouse, String publicUrl, String issuedSecret,
      OffsetDateTime lastSync, SyncState syncState) {
    return new WarehouseView(warehouse.id, warehouse.code, warehouse.name, warehouse.country, warehouse.adapter,
        warehouse.adapter.apiReady(), warehouse.pollIntervalSeconds, warehouse.enabled, warehouse.credentials != null,
        warehouse.adapter.receivesWebhooks() ? publicUrl + "/webhooks/" + warehouse.id : null, issuedSecret,
        lastSync, syncState, PollingView.of(warehouse), warehouse.countRequestUrl, warehouse.createdAt, warehouse.version);
  }
}
