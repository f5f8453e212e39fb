package io.stockbridge.compliance.check.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.stockbridge.compliance.check.CheckRequest;
import io.stockbridge.compliance.market.Market;

/** A publication check as it was asked and answered, with the rule set version it applied. */
@Entity
@Table(name = "publication_check")
public class PublicationCheckRecord {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Market market;

  @Column(nullable = false)
  public String category;

  @Column(name = "product_id", nullable = false)
  public String productId;

  /** The request as received, so the dashboard can judge the product again as documents and rules change. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public CheckRequest request;

  @Column(name = "rule_version", nullable = false)
  public int ruleVersion;

  @Column(nullable = false)
  public boolean compliant;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Findings findings;

  /** The user, integration or service account that asked. */
  @Column(name = "checked_by", nullable = false)
  public String checkedBy;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
