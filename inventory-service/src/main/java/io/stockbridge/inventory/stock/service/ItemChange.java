package io.stockbridge.inventory.stock.service;

import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.inventory.stock.repository.StockItem;

/**
 * How one (seller, SKU, warehouse) changed in one transaction.
 */
public record ItemChange(StockItem item, BalanceState before, BalanceState after) {
}
