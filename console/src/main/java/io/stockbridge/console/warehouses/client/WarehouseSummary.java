package io.stockbridge.console.warehouses.client;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A warehouse connection and how its data arrives (WH-2). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WarehouseSummary(UUID id, String code, String name, String country, String adapter, boolean enabled,
    String webhookUrl, OffsetDateTime lastSuccessfulSyncAt, String syncState, Polling polling) {
  /** How polling the warehouse's WMS goes; absent for warehouses that send webhooks or files. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Polling(OffsetDateTime nextPollAt, OffsetDateTime lastSuccessfulPollAt, String lastError,
      int consecutiveFailures, String note) {
  }

  public boolean receivesWebhooks() {
    return webhookUrl != null;
  }
}
