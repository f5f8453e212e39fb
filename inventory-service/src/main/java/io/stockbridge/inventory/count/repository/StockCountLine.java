package io.stockbridge.inventory.count.repository;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One SKU of a count: the ledger's figure when the count started, and what was counted. */
@Entity
@Table(name = "stock_count_line")
public class StockCountLine {
  @Id
  public UUID id;

  @Column(name = "count_id", nullable = false)
  public UUID countId;

  @Column(name = "seller_sku", nullable = false)
  public String sellerSku;

  @Column(name = "velocity_class")
  public String velocityClass;

  @Column(nullable = false)
  public long expected;

  public Long counted;

  public Long variance;
}
