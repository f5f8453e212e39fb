package io.stockbridge.inventory.ownership.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
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

  /** A SKU's first owner: it governs at once, there being no earlier mode the channel could still act on. */
  public static SkuOwnership first(String sellerId, String sellerSku, OwnershipMode mode, String integrationId,
      String actor, OffsetDateTime now) {
    SkuOwnership created = new SkuOwnership();
    created.id = UUID.randomUUID();
    created.sellerId = sellerId;
    created.sellerSku = sellerSku;
    created.mode = mode;
    created.integrationId = integrationId;
    created.effectiveAt = now;
    created.changedBy = actor;
    created.changedAt = now;
    return created;
  }

  /** Whether this SKU already has the requested owner, so a repeated request changes nothing. */
  public boolean isOwnedBy(OwnershipMode requested, String requestedIntegration) {
    return mode == requested && Objects.equals(integrationId, requestedIntegration);
  }

  /**
   * Hands the SKU to a new owner after {@code cacheWindow}: until then the channel still acts on the mode that
   * governs now (INV-6).
   */
  public void handTo(OwnershipMode requested, String requestedIntegration, String actor, OffsetDateTime now,
      Duration cacheWindow) {
    previousMode = modeAt(now);
    previousIntegrationId = integrationAt(now);
    mode = requested;
    integrationId = requestedIntegration;
    effectiveAt = now.plus(cacheWindow);
    changedBy = actor;
    changedAt = now;
  }
}
