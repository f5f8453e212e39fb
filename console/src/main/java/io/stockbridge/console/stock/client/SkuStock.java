package io.stockbridge.console.stock.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A SKU's stock in every warehouse and its total available. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SkuStock(String sellerSku, List<WarehouseStock> warehouses, long available) {
}
