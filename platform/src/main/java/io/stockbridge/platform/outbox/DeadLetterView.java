package io.stockbridge.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An event this service could not hand to another one, as the seller sees it.
 */
@Schema(name = "DeadLetter", description = "An event another service never applied: the receiver refused it for good,"
    + " or it was not delivered within the retry window. Replay sends it again.")
@RegisterForReflection
public record DeadLetterView(
    UUID id,
    @Schema(description = "The service that was to apply it") String destination,
    @Schema(description = "What the event reported, e.g. warehouse.snapshot") String eventType,
    @Schema(description = "DEAD while it waits for a decision; PENDING after a replay, DELIVERED once taken") String status,
    @Schema(description = "The receiver's HTTP status, when it answered") Integer receiverStatus,
    @Schema(description = "The receiver's problem code, when it gave one") String receiverCode,
    @Schema(description = "Why it ended: the receiver's answer, or the closed retry window") String reason,
    @Schema(description = "The event as it was sent (JSON)") String payload,
    int attempts,
    int replays,
    OffsetDateTime createdAt,
    OffsetDateTime deadAt) {
}
