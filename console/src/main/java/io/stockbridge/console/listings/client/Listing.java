package io.stockbridge.console.listings.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A listing: where it stands, and exactly what blocks it (LST-1). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Listing(UUID id, UUID productId, UUID connectionId, String market, String status,
    List<Failure> failures, boolean recalibrationRequired, OffsetDateTime updatedAt) {
  /** Why a publication failed: a stable code, the product field to fix, what to do, a value that would pass. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Failure(String code, String field, String message, String suggestion) {
  }

  public Listing {
    failures = failures == null ? List.of() : failures;
  }

  /** Whether a publication may be asked for: not while one runs or the listing is live. */
  public boolean publishable() {
    return !("PUBLISHING".equals(status) || "IN_REVIEW".equals(status) || "LIVE".equals(status));
  }
}
