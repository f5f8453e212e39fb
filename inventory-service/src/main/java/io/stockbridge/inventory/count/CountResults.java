package io.stockbridge.inventory.count;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the warehouse counted, one line per SKU of the count")
public record CountResults(@NotEmpty @Size(max = 10000) List<@Valid @NotNull Line> lines) {

  @Schema(name = "CountResultLine", description = "One SKU and what was counted")
  public record Line(@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sellerSku,
      @Min(0) @Max(1_000_000_000) long counted) {
  }
}
