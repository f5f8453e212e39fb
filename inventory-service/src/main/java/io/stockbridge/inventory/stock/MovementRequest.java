package io.stockbridge.inventory.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.stock.repository.Bucket;

@Schema(description = "Units of a SKU moving between buckets of a warehouse (OUTSIDE: entering or leaving the warehouse)")
public record MovementRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sellerSku,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId,
    @Schema(description = "RESERVED moves only through reservations") @NotNull Bucket from,
    @NotNull Bucket to,
    @NotNull @Positive @Max(1_000_000_000L) Long quantity,
    @Schema(description = "Why, e.g. RECEIPT, RETURN, INSPECTION_PASSED, DAMAGE, ADJUSTMENT") @NotBlank
    @Pattern(regexp = "[A-Z][A-Z_]{1,63}") String reason,
    @Schema(description = "The document behind the movement, e.g. an ASN or RMA number") @Size(max = 128) String reference) {
}
