package io.stockbridge.inventory.count;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A count the seller asks for now, of some SKUs in one warehouse")
public record AdHocCount(@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId,
    @NotEmpty @Size(max = 5000) List<@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> sellerSkus) {
}
