package io.stockbridge.compliance.document;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.document.repository.DocumentStatus;

@Schema(description = "A reviewer's step: SUBMITTED -> PENDING_REVIEW -> VERIFIED or REJECTED (CMP-2)")
public record DocumentTransition(
    @Schema(description = "The status to move to") @NotNull DocumentStatus status,
    @Schema(description = "Required when rejecting: the seller is told why") @Size(max = 2000) String reason) {
}
