package io.stockbridge.gateway.warehouse.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;

@Schema(description = "A warehouse connection")
public record WarehouseView(UUID id, String code, String name, String country, AdapterType adapter, boolean apiReady,
    @Schema(description = "Seconds between polls; absent for adapters that do not poll") Integer pollIntervalSeconds,
    boolean enabled, OffsetDateTime createdAt, long version) {

  public static WarehouseView of(WarehouseConnection warehouse) {
    return new WarehouseView(warehouse.id, warehouse.code, warehouse.name, warehouse.country, warehouse.adapter,
        warehouse.adapter.apiReady(), warehouse.pollIntervalSeconds, warehouse.enabled, warehouse.createdAt,
        warehouse.version);
  }
}
