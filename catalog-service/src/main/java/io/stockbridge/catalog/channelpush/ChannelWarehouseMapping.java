package io.stockbridge.catalog.channelpush;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@Schema(description = "The channel shop's warehouse that shows a Stockbridge warehouse's stock")
@RegisterForReflection
public record ChannelWarehouseMapping(String warehouseId,
    @Schema(description = "The channel's warehouse id, e.g. 7100000000000001") @NotBlank @Pattern(regexp = "[0-9A-Za-z_-]{1,64}")
    String channelWarehouseId) {
}
