package io.stockbridge.inventory.reservation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Units a channel return brought back, as catalog-service relays the channel's return notice (STK-3).
 */
@Schema(description = "A channel return received back: its units enter QC, never sellable (STK-3)")
public record ChannelReturn(
    @Schema(description = "The channel's return id; a repeat of it changes nothing") @NotBlank @Size(max = 128) String returnId,
    @Schema(description = "The channel order the units were sold in") @NotBlank @Size(max = 128) String orderId,
    @Schema(description = "The warehouse they went back to; absent: the one the order shipped them from")
    @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId,
    @Schema(description = "The returned SKUs and units") @NotEmpty @Size(max = 200) List<@NotNull @Valid Line> lines) {

  /** A returned SKU and its units. */
  @Schema(name = "ReturnLine", description = "A returned SKU and its units")
  public record Line(@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sellerSku, @Min(1) long quantity) {
  }
}
