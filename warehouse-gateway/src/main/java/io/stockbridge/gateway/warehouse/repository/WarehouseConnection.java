package io.stockbridge.gateway.warehouse.repository;

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
 * A seller's connection to one overseas warehouse and the WMS API it speaks.
 */
@Entity
@Table(name = "warehouse_connection")
public class WarehouseConnection {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  /** The seller's own code for the warehouse, unique per seller, e.g. {@code US-LA-01}. */
  @Column(nullable = false)
  public String code;

  @Column(nullable = false)
  public String name;

  /** ISO 3166-1 alpha-2 country the warehouse is in. */
  @Column(nullable = false)
  public String country;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AdapterType adapter;

  /** Seconds between two polls of the WMS API; null for adapters that do not poll. */
  @Column(name = "poll_interval_seconds")
  public Integer pollIntervalSeconds;

  @Column(nullable = false)
  public boolean enabled;

  /** The WMS API credentials as sealed JSON (AES-GCM); never returned or logged. */
  public String credentials;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  /** When the warehouse is polled next (null: at once); polled warehouses only. */
  @Column(name = "next_poll_at")
  public OffsetDateTime nextPollAt;

  @Column(name = "last_successful_poll_at")
  public OffsetDateTime lastSuccessfulPollAt;

  /** Why the last poll failed; cleared by a good one. */
  @Column(name = "last_poll_error")
  public String lastPollError;

  @Column(name = "poll_failures", nullable = false)
  public int pollFailures;

  /** What the last good poll noticed (unmapped items, WH-3). */
  @Column(name = "last_poll_note")
  public String lastPollNote;

  /** Where the partner takes signed count requests (CNT-1); null when its WMS takes none. */
  @Column(name = "count_request_url")
  public String countRequestUrl;

  @Version
  public long version;
}
