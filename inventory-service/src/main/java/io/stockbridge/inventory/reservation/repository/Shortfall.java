package io.stockbridge.inventory.reservation.repository;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Units of an order line the channel shipped that the ledger did not have: recorded, never dropped.
 *
 * @param lineNo    the order line
 * @param sellerSku the line's SKU
 * @param quantity  how many units were missing
 */
@RegisterForReflection
@Schema(description = "Units of an order line the channel shipped that the ledger did not have")
public record Shortfall(int lineNo, String sellerSku, long quantity) {
}
