package io.stockbridge.inventory.stock;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@Schema(description = "A SKU's available quantity at the end of each recent day (UTC), from the audit trail (INV-5)")
@RegisterForReflection
public record StockHistory(String sellerSku,
    @Schema(description = "The warehouse asked for; absent: the sum over every warehouse") String warehouseId,
    @Schema(description = "Oldest first, today last; today's figure is the balance now") List<Day> days) {

  @Schema(description = "One day's closing figure")
  @RegisterForReflection
  public record Day(LocalDate day,
      @Schema(description = "What the channel could show at the end of the day (at the time of the request, today)")
      long available) {
  }
}
