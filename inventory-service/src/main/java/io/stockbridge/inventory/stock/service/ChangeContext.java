package io.stockbridge.inventory.stock.service;

import io.stockbridge.inventory.stock.repository.MovementSource;

/**
 * Who changes stock, through which path, and for which request (rule INV-5).
 *
 * @param keepSafetyStock whether movements out of SELLABLE must leave the safety stock (true for reservations)
 */
public record ChangeContext(String sellerId, String actor, MovementSource source, String path, String requestId,
    boolean keepSafetyStock) {
}
