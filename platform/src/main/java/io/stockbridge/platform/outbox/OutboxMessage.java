package io.stockbridge.platform.outbox;

/**
 * An event to deliver to another service, written in the same transaction as the change it reports.
 *
 * @param destination the receiving service, a key of {@code stockbridge.outbox.destinations}
 * @param path        the receiver's path, e.g. {@code /internal/v1/channel-stock}
 * @param eventType   what happened, e.g. {@code stock.available-changed}
 * @param sellerId    the seller the event belongs to, sent as the on-behalf header; null for platform events
 * @param payload     the JSON body
 */
public record OutboxMessage(String destination, String path, String eventType, String sellerId, Object payload) {
}
