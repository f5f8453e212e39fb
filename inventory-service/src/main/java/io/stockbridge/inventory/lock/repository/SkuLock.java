package io.stockbridge.inventory.lock.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One reason, held while it lasts, why a SKU's stock may not be edited by hand (rule INV-1).
 */
@Entity
@Table(name = "sku_lock")
public class SkuLock {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "seller_sku", nullable = false)
  public String sellerSku;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public LockKind kind;

  public String reason;

  /** What holds the lock on the other side, e.g. a listing id or a promotion id. */
  public String reference;

  @Column(name = "locked_by", nullable = false)
  public String lockedBy;

  @Column(name = "locked_at", nullable = false)
  public OffsetDateTime lockedAt;
}
