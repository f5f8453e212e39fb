package io.stockbridge.inventory.calibration.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.stockbridge.inventory.calibration.CalibrationReason;
import io.stockbridge.inventory.calibration.CalibrationStatus;

/**
 * A reading of one SKU in one warehouse that disagreed with the ledger beyond the threshold, until the seller
 * explains it or a count settles it (rule WH-4).
 */
@Entity
@Table(name = "calibration_task")
public class CalibrationTask {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "seller_sku", nullable = false)
  public String sellerSku;

  @Column(name = "warehouse_id", nullable = false)
  public String warehouseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CalibrationStatus status;

  @Column(name = "expected_in_transit", nullable = false)
  public long expectedInTransit;

  @Column(name = "expected_qc", nullable = false)
  public long expectedQc;

  @Column(name = "expected_frozen", nullable = false)
  public long expectedFrozen;

  @Column(name = "expected_sellable", nullable = false)
  public long expectedSellable;

  @Column(name = "observed_in_transit", nullable = false)
  public long observedInTransit;

  @Column(name = "observed_qc", nullable = false)
  public long observedQc;

  @Column(name = "observed_frozen", nullable = false)
  public long observedFrozen;

  @Column(name = "observed_sellable", nullable = false)
  public long observedSellable;

  /** On-hand units no known movement explains, positive when the shelf holds more than expected. */
  @Column(nullable = false)
  public long unexplained;

  /** The units the reading showed beyond the ledger's figure, kept from sale while the task is unresolved. */
  @Column(nullable = false)
  public long withheld;

  @Column(name = "opened_by_event", nullable = false)
  public String openedByEvent;

  @Column(name = "last_event", nullable = false)
  public String lastEvent;

  /** When the task opened (named for the keyset paging every list uses). */
  @Column(name = "opened_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "due_at", nullable = false)
  public OffsetDateTime dueAt;

  @Column(name = "escalated_at")
  public OffsetDateTime escalatedAt;

  @Column(name = "resolved_at")
  public OffsetDateTime resolvedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "resolution_reason")
  public CalibrationReason resolutionReason;

  @Column(name = "resolution_note")
  public String resolutionNote;

  @Column(name = "resolved_by")
  public String resolvedBy;
}
