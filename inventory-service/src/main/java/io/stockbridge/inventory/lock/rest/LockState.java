package io.stockbridge.inventory.lock.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Whether a lock holds, as its owner states it whole (the outbox may deliver states late or twice)")
public record LockState(
    @Schema(description = "True to place (or keep) the lock, false to lift it") @NotNull Boolean held,
    @Size(max = 500) String reason,
    @Size(max = 128) String reference) {
}
