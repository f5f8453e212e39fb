package io.stockbridge.inventory.count.repository;

import java.time.OffsetDateTime;

/**
 * A SKU as a count sees it in one warehouse.
 *
 * @param sellable units on the shelf (reserved or not), the figure a count checks
 * @param shipped units shipped within the velocity window, for its velocity class
 */
public record ShelfItem(String sellerSku, long sellable, OffsetDateTime lastCountedAt, long shipped) {
}
