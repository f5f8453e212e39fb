package io.stockbridge.compliance.rule;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.compliance.rule.repository.RequirementRule;

@Schema(description = "A requirement rule as worded in one version of the rule set")
public record RuleView(UUID id, Market market, String categoryPath, Map<String, String> conditions,
    List<DocumentType> documentTypes, String description,
    @Schema(description = "The first rule set version with this wording") int sinceVersion) {

  public static RuleView of(RequirementRule rule) {
    return new RuleView(rule.ruleId, rule.market, rule.categoryPath, rule.conditions, rule.documentTypes,
        rule.description, rule.fromVersion);
  }
}
