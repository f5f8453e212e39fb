package io.stockbridge.inventory.count.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.stockbridge.inventory.count.CountPlanKind;

/** A warehouse's plan of counts (rule CNT-1). */
@Entity
@Table(name = "count_plan")
public class CountPlan {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "warehouse_id", nullable = false)
  public String warehouseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CountPlanKind kind;

  public String name;

  @Column(name = "starts_at")
  public OffsetDateTime startsAt;

  @Column(name = "ends_at")
  public OffsetDateTime endsAt;

  /** A campaign's SKUs, separated by single spaces. */
  @Column(name = "seller_skus")
  public String sellerSkus;

  @Column(nullable = false)
  public boolean active;

  @Column(name = "next_run_at")
  public OffsetDateTime nextRunAt;

  @Column(name = "last_run_at")
  public OffsetDateTime lastRunAt;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
