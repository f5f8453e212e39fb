package io.stockbridge.inventory.reservation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An order's pre-allocation: every line or none (rule RES-1)")
public record ReservationRequest(
    @Schema(description = "The channel's or ERP's order id; a repeat returns the first result") @NotBlank
    @Size(max = 128) String orderId,
    @NotEmpty @Size(max = 200) List<@NotNull @Valid Line> lines,
    @Schema(description = "Seconds until the reservation expires if neither shipped nor cancelled (default 72 h)")
    @Positive Long ttlSeconds) {

  @Schema(name = "OrderLine", description = "One order line")
  public record Line(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sellerSku,
      @NotNull @Positive @Max(1_000_000_000L) Long quantity,
      @Schema(description = "Take the units from this warehouse; when absent the suite chooses (see the operation)")
      @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId) {
  }
}
