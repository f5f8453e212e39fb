package io.stockbridge.inventory.lock;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A channel package's shipping label as catalog-service relays it from the channel's package notifications.
 */
@Schema(description = "A channel package's label state: LABELLED locks its SKUs' hand edits until SHIPPED or CANCELLED (INV-1)")
public record PackageLabelState(
    @Schema(description = "The channel's package id") @NotBlank @Size(max = 128) String packageId,
    @Schema(description = "The channel's order id, for the record") @Size(max = 128) String orderId,
    @Schema(description = "LABELLED, SHIPPED or CANCELLED") @NotNull @Pattern(regexp = "LABELLED|SHIPPED|CANCELLED") String state,
    @Schema(description = "The package's SKUs; may be left out when it ships or is cancelled") @Size(max = 200)
    List<@NotNull @Valid Line> lines) {

  /** One SKU in the package. */
  @Schema(name = "PackageLine", description = "A SKU in a package and its units")
  public record Line(@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sellerSku, @Min(1) long quantity) {
  }

  public boolean closes() {
    return !"LABELLED".equals(state);
  }
}
