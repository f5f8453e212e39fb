package io.stockbridge.inventory.stock;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Movements applied together: all of them or none")
public record MovementBatch(@NotEmpty @Size(max = 500) List<@NotNull @Valid MovementRequest> movements) {
}
