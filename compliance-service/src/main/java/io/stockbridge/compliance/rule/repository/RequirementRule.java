package io.stockbridge.compliance.rule.repository;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.market.CategoryPath;
import io.stockbridge.compliance.market.Market;

/**
 * A requirement (rule CMP-1): products of a market's category, with given attributes, need these document types.
 * One row is one wording of a rule, in force for a range of rule set versions.
 */
@Entity
@Table(name = "requirement_rule")
public class RequirementRule {
  @Id
  @Column(name = "row_id")
  public UUID rowId;

  /** Stable across versions. */
  @Column(name = "rule_id", nullable = false)
  public UUID ruleId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Market market;

  /** "*" for every category of the market, else a path covering itself and everything below. */
  @Column(name = "category_path", nullable = false)
  public String categoryPath;

  /** Product attributes that must all hold, e.g. wireless = true. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> conditions;

  @Convert(converter = DocumentTypesConverter.class)
  @Column(name = "document_types", nullable = false)
  public List<DocumentType> documentTypes;

  @Column(nullable = false)
  public String description;

  @Column(name = "from_version", nullable = false)
  public int fromVersion;

  /** The first version it is no longer in; null while it is in force. */
  @Column(name = "to_version")
  public Integer toVersion;

  /** Whether it applies to a product of {@code category} with these attributes. */
  public boolean appliesTo(String category, Map<String, Object> attributes) {
    if (!CategoryPath.covers(categoryPath, category)) {
      return false;
    }
    return conditions.entrySet().stream().allMatch(condition -> {
      Object actual = attributes == null ? null : attributes.get(condition.getKey());
      return actual != null && String.valueOf(actual).trim().toLowerCase(Locale.ROOT)
          .equals(condition.getValue().trim().toLowerCase(Locale.ROOT));
    });
  }
}
