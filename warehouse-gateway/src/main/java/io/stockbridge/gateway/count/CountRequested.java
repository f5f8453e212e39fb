package io.stockbridge.gateway.count;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** inventory-service started a count (rule CNT-1): the warehouse is to be asked to count these SKUs. */
@Schema(description = "A count inventory-service started, for the warehouse to perform")
public record CountRequested(@NotNull UUID countId,
    @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId,
    @NotEmpty @Size(max = 10000) List<@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> sellerSkus,
    OffsetDateTime startedAt) {
}
