package io.stockbridge.catalog.listing.repository;

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

/** One publication attempt, kept for good (LST-1); those that reached the channel and failed count for LST-4. */
@Entity
@Table(name = "listing_attempt")
public class ListingAttempt {
  @Id
  public UUID id;

  @Column(name = "listing_id", nullable = false)
  public UUID listingId;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "seller_skus", nullable = false)
  public String[] sellerSkus;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AttemptStage stage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AttemptOutcome outcome;

  /** Whether the channel received it: only submissions count towards the 72-hour lock (LST-4). */
  @Column(nullable = false)
  public boolean submitted;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public ListingFailures failures;

  @Column(name = "compliance_check_id")
  public UUID complianceCheckId;

  @Column(name = "attempted_by", nullable = false)
  public String attemptedBy;

  @Column(name = "attempted_at", nullable = false)
  public OffsetDateTime attemptedAt;

  /** When the outcome became final (the audit's webhook for an IN_REVIEW submission). */
  @Column(name = "decided_at")
  public OffsetDateTime decidedAt;
}
