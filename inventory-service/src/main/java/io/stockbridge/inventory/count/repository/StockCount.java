package io.stockbridge.inventory.count.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.stockbridge.inventory.count.CountPurpose;
import io.stockbridge.inventory.count.CountStatus;

/** One physical count of some SKUs in one warehouse (rule CNT-1). */
@Entity
@Table(name = "stock_count")
public class StockCount {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "warehouse_id", nullable = false)
  public String warehouseId;

  @Column(name = "plan_id")
  public UUID planId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CountPurpose purpose;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CountStatus status;

  /** When the ledger's figures were frozen. */
  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "submitted_at")
  public OffsetDateTime submittedAt;

  @Column(name = "submitted_by")
  public String submittedBy;

  @Column(name = "approved_by")
  public String approvedBy;

  @Column(name = "applied_at")
  public OffsetDateTime appliedAt;
}
