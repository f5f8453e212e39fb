package io.stockbridge.compliance.categoryaccess.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.stockbridge.compliance.market.Market;

/**
 * A seller's request to sell in a category that is open by invitation only in a market (rule LST-2).
 */
@Entity
@Table(name = "category_access_request")
public class CategoryAccessRequest {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Market market;

  @Column(nullable = false)
  public String category;

  /** What the seller tells the reviewer: brand authorisation, sales history, ... */
  public String justification;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AccessRequestStatus status;

  @Column(name = "requested_by", nullable = false)
  public String requestedBy;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public OffsetDateTime decidedAt;

  @Column(name = "decision_reason")
  public String decisionReason;

  @Version
  public long version;
}
