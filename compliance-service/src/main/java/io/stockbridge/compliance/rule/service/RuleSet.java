package io.stockbridge.compliance.rule.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.rule.repository.RequirementRule;

/** The requirement rules of one market as of one version: what a check applies and records. */
public record RuleSet(int version, List<RequirementRule> rules) {

  /** The document types a product of {@code category} with these attributes needs. */
  public Set<DocumentType> requiredFor(String category, Map<String, Object> attributes) {
    Set<DocumentType> required = EnumSet.noneOf(DocumentType.class);
    rules.stream().filter(rule -> rule.appliesTo(category, attributes))
        .forEach(rule -> required.addAll(rule.documentTypes));
    return required;
  }
}
