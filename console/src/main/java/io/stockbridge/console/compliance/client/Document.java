package io.stockbridge.console.compliance.client;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A compliance document and where its review stands (CMP-2). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Document(UUID id, String sellerId, String type, String number, String issuer, LocalDate expiresAt,
    String market, String scope, String scopeId, String status, boolean usable, String fileName) {
  /** The review steps a reviewer may take from this status: SUBMITTED to PENDING_REVIEW, then a verdict. */
  public boolean awaitsPickUp() {
    return "SUBMITTED".equals(status);
  }

  public boolean awaitsVerdict() {
    return "PENDING_REVIEW".equals(status);
  }
}
