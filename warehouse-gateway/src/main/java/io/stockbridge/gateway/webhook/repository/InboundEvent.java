package io.stockbridge.gateway.webhook.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A verified webhook as received, kept in the inbox: stored before it is acknowledged, processed afterwards.
 */
@Entity
@Table(name = "inbound_event")
public class InboundEvent {
  @Id
  public UUID id;

  @Column(name = "warehouse_id", nullable = false)
  public UUID warehouseId;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  /** The sender's id of the event ({@code webhook-id}); one row per id and warehouse. */
  @Column(name = "source_event_id", nullable = false)
  public String sourceEventId;

  @Column(name = "source_timestamp", nullable = false)
  public OffsetDateTime sourceTimestamp;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(nullable = false)
  public String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InboundEventStatus status;

  /** Why an event is parked or rejected. */
  public String reason;
}
