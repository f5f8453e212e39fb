package io.stockbridge.gateway.adapter;

import java.time.OffsetDateTime;

/**
 * What a warehouse says about one of its items, in the suite's buckets (rule STK-1): an absolute snapshot.
 *
 * @param wmsItemId  the warehouse system's own id of the item (one of the three codes, rule WH-3)
 * @param observedAt when the warehouse observed it
 * @param sequence   the warehouse's own ordering of the item's updates, when it has one (digits), else null
 */
public record ItemReading(String wmsItemId, OffsetDateTime observedAt, String sequence, long inTransit, long qc,
    long frozen, long sellable) {
}
