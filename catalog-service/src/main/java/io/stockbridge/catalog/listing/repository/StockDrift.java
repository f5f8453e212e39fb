package io.stockbridge.catalog.listing.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One SKU in one channel warehouse whose channel quantity differs from the ledger's (LST-5). */
@RegisterForReflection
public record StockDrift(String sellerSku, String channelWarehouseId, long channelQuantity, long ledgerQuantity) {
}
