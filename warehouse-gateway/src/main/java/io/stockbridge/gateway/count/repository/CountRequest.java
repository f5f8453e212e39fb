package io.stockbridge.gateway.count.repository;

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

import io.stockbridge.gateway.count.CountRequestStatus;

/** A count inventory-service started, and how far asking its warehouse to count got. */
@Entity
@Table(name = "count_request")
public class CountRequest {
  /** The count's id in inventory-service: one request per count, however often it is announced. */
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "warehouse_id", nullable = false)
  public String warehouseId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "seller_skus", nullable = false)
  public String[] sellerSkus;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CountRequestStatus status;

  public String reason;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public OffsetDateTime nextAttemptAt;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "sent_at")
  public OffsetDateTime sentAt;
}
