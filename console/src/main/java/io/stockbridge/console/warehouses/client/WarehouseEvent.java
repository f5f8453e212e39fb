package io.stockbridge.console.warehouses.client;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An event a warehouse sent, as the gateway's inbox holds it; a parked one says why it waits. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WarehouseEvent(UUID id, String sourceEventId, String status, String reason, OffsetDateTime sentAt,
    OffsetDateTime receivedAt) {
}
