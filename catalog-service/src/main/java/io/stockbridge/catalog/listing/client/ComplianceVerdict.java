package io.stockbridge.catalog.listing.client;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** compliance-service's answer to a check: what blocks publication, and the recorded check's id. */
@RegisterForReflection
// the answer carries more (market, category, checkedBy, ...) than publication needs, and may grow
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplianceVerdict(UUID id, boolean compliant, int ruleVersion, List<Finding> failures,
    List<Finding> warnings) {

  /** One finding, as compliance-service words it. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Finding(String code, String field, String documentType, String message, String suggestion) {
  }

  public List<Finding> failureList() {
    return failures == null ? List.of() : failures;
  }
}
