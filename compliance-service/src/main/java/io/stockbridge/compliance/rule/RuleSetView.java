package io.stockbridge.compliance.rule;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.rule.repository.RuleSetVersion;

@Schema(description = "The requirement rules of one rule set version")
public record RuleSetView(int version, OffsetDateTime createdAt, String createdBy, String change, List<RuleView> rules) {

  public static RuleSetView of(RuleSetVersion version, List<RuleView> rules) {
    return new RuleSetView(version.version, version.createdAt, version.createdBy, version.change, rules);
  }

  @Schema(description = "A version of the rule set without its rules")
  public record VersionView(int version, OffsetDateTime createdAt, String createdBy, String change) {
    public static VersionView of(RuleSetVersion version) {
      return new VersionView(version.version, version.createdAt, version.createdBy, version.change);
    }
  }
}
