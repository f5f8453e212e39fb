package io.stockbridge.inventory.alert.service;

import java.util.List;

import io.stockbridge.inventory.alert.AlertType;

/**
 * One rule's causes as they hold now: a query answering {@code seller_id, cause, seller_sku, warehouse_id, summary,
 * details} for each, where {@code $1} is now and {@code $2...} are {@code parameters}.
 */
public record AlertRule(AlertType type, String causes, List<Object> parameters) {
}
