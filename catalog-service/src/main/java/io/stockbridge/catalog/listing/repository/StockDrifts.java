package io.stockbridge.catalog.listing.repository;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** LST-5's findings as stored in a JSON column (an object, as the reactive driver needs). */
@RegisterForReflection
public record StockDrifts(List<StockDrift> items) {
  public List<StockDrift> list() {
    return items == null ? List.of() : items;
  }
}
