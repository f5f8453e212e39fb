package io.stockbridge.inventory.ownership.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Who owns a SKU's stock, and since when (rules INV-2, INV-6). A change is recorded at once but becomes effective
 * only after the channel's cache refresh window; until then the previous mode still governs.
 */
@Entity
@Table(name = "sku_ownership")
public class SkuOwnership {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "seller_sku", nullable = false)
  public String sellerSku;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OwnershipMode mode;

  @Column(name = "integration_id")
  public String integrationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "previous_mode")
  public OwnershipMode previousMode;

  @Column(name = "previous_integration_id")
  public String previousIntegrationId;

  @Column(name = "effective_at", nullable = false)
  public OffsetDateTime effectiveAt;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(name = "changed_at", nullable = false)
  public OffsetDateTime changedAt;

  @Version
  public long version;

  /** The mode that governs at {@code now}: the new one once effective, the previous one before. */
  public OwnershipMode modeAt(OffsetDateTime now) {
    return previousMode == null || !now.isBefore(effectiveAt) ? mode : previousMode;
  }

  /** The integration that may write the SKU at {@code now}, if it is EXTERNAL then. */
  public String integrationAt(OffsetDateTime now) {
    return previousMode == null || !now.isBefore(effectiveAt) ? integrationId : previousIntegrationId;
  }
}
