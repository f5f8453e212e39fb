package io.stockbridge.inventory.lock.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why the lock is placed")
public record LockRequest(
    @Schema(description = "Human-readable reason, shown to whoever is refused an edit") @Size(max = 500) String reason,
    @Schema(description = "What holds the lock, e.g. a listing or promotion id") @Size(max = 128) String reference) {
}
