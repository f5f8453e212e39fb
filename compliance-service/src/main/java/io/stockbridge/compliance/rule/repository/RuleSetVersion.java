package io.stockbridge.compliance.rule.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of the whole requirement rule set: who made it, when and why. */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersion {
  @Id
  public int version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  /** What changed, in words. */
  @Column(nullable = false)
  public String change;
}
