package io.stockbridge.inventory.calibration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The seller's explanation that resolves a calibration task (rule WH-4)")
public record CalibrationResolution(
    @Schema(description = "Why the figures disagreed") @NotNull CalibrationReason reason,
    @Schema(description = "Evidence or detail, e.g. a damage report number") @Size(max = 2000) String note) {
}
