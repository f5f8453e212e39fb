package io.stockbridge.console.stock.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A SKU's buckets in one warehouse, as inventory-service reports them (STK-1). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record StockLevels(long inTransit, long qc, long frozen, long sellable, long reserved, long safetyStock,
    long available, long withheld) {
  /** Sellable units no order holds: the part of the shelf that is free. */
  public long unreserved() {
    return Math.max(0, sellable - reserved);
  }
}
