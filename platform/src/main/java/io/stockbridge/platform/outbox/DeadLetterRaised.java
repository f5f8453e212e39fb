package io.stockbridge.platform.outbox;

import java.util.UUID;

/**
 * Fired (asynchronously) when an outbox event becomes a dead letter: the hook through which the seller is told.
 *
 * @param eventId     the outbox event, replayable at {@code POST /v1/dead-letters/{eventId}/replay}
 * @param sellerId    whose event it is; null for a platform event
 * @param destination the receiving service
 * @param eventType   what the event reported
 * @param code        the receiver's problem code, when it gave one
 * @param reason      why it ended: the receiver's answer, or the retry window that closed
 */
public record DeadLetterRaised(UUID eventId, String sellerId, String destination, String eventType, String code,
    String reason) {
}
