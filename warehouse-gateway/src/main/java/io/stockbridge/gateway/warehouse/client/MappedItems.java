package io.stockbridge.gateway.warehouse.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of the items catalog-service has mapped in a warehouse.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MappedItems(List<WarehouseItem> items, String nextCursor) {
  static final int PAGE_SIZE = 1000;
}
