package io.stockbridge.inventory.alert.repository;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.stockbridge.inventory.alert.AlertStatus;
import io.stockbridge.inventory.alert.AlertType;

/** One occurrence of a cause the seller is told about, from its opening until the cause goes away. */
@Entity
@Table(name = "alert")
public class Alert {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AlertType type;

  /** What makes two alerts of a type the same one: the SKU and warehouse, the task, the connection. */
  @Column(nullable = false)
  public String cause;

  @Column(name = "seller_sku")
  public String sellerSku;

  @Column(name = "warehouse_id")
  public String warehouseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AlertStatus status;

  @Column(nullable = false)
  public String summary;

  /** The figures behind it as they were last seen, by name. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, Object> details;

  /** The service whose rule raised it. */
  @Column(name = "raised_by", nullable = false)
  public String raisedBy;

  @Column(name = "opened_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Column(name = "acknowledged_at")
  public OffsetDateTime acknowledgedAt;

  @Column(name = "acknowledged_by")
  public String acknowledgedBy;

  @Column(name = "acknowledgement_note")
  public String acknowledgementNote;

  @Column(name = "resolved_at")
  public OffsetDateTime resolvedAt;

  @Column
  public String resolution;
}
