package io.stockbridge.gateway.warehouse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * catalog-service's answer for a warehouse item: the seller SKU it is mapped to.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WarehouseItem(String sellerSku, String wmsItemId) {
}
