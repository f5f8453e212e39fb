package io.stockbridge.gateway.polling.client;

/**
 * One item as a partner's API reported it, raw, to be stored in the inbox and read by the warehouse's adapter.
 *
 * @param wmsItemId     the partner's item id (one of the three codes, WH-3)
 * @param sourceEventId the inbox's dedupe key: the partner's version of the item where it has one, else the fetch
 * @param body          the partner's JSON for the item, as received
 */
public record PolledItem(String wmsItemId, String sourceEventId, String body) {
}
