package io.stockbridge.catalog.listing.repository;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A product offered on one channel connection in one market. */
@Entity
@Table(name = "listing")
public class Listing {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "product_id", nullable = false)
  public UUID productId;

  @Column(name = "connection_id", nullable = false)
  public UUID connectionId;

  @Column(nullable = false)
  public String market;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ListingStatus status;

  /** The latest publication's failures; empty unless FAILED. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public ListingFailures failures;

  @Column(name = "channel_product_id")
  public String channelProductId;

  /** Seller SKU to the channel's SKU id. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "channel_skus", nullable = false)
  public Map<String, String> channelSkus;

  /** When the running publication started; a claim older than the lease is taken over. */
  @Column(name = "publishing_since")
  public OffsetDateTime publishingSince;

  /** LST-5: the channel's stock drifted from the ledger's; republication waits for a recalibration. */
  @Column(name = "recalibration_required", nullable = false)
  public boolean recalibrationRequired;

  /** What the drift was when it was found: per SKU and warehouse, the channel's and the ledger's numbers. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "stock_drift")
  public StockDrifts stockDrift;

  /** LST-5: when the channel's stock was last compared with the ledger's. */
  @Column(name = "precision_checked_at")
  public OffsetDateTime precisionCheckedAt;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Version
  public long version;
}
