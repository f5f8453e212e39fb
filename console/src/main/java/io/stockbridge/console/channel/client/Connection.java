package io.stockbridge.console.channel.client;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A channel connection: its status and why (CH-1..CH-3); its tokens are never sent. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Connection(UUID id, String channel, String region, String status, String statusReason, String shopId,
    String shopName, OffsetDateTime accessTokenExpiresAt, OffsetDateTime refreshTokenExpiresAt,
    OffsetDateTime lastRefreshedAt) {
  /** The channel refused its tokens: pushes wait until the seller consents again. */
  public boolean needsReauthorization() {
    return "REAUTHORIZATION_REQUIRED".equals(status) || "PENDING_AUTHORIZATION".equals(status);
  }

  public boolean usable() {
    return !"REVOKED".equals(status);
  }
}
