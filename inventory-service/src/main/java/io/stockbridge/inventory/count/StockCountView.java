package io.stockbridge.inventory.count;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.count.repository.StockCount;
import io.stockbridge.inventory.count.repository.StockCountLine;

@Schema(description = "A physical count of some SKUs in one warehouse (rule CNT-1)")
public record StockCountView(UUID id, String warehouseId, UUID planId, CountPurpose purpose, CountStatus status,
    @Schema(description = "When the ledger's figures were frozen") OffsetDateTime createdAt,
    OffsetDateTime submittedAt, String submittedBy, String approvedBy, OffsetDateTime appliedAt, List<Line> lines) {

  @Schema(name = "StockCountLine", description = "One SKU to count")
  public record Line(String sellerSku,
      @Schema(description = "A, B or C by the last 30 days' shipments (cycle counts)") String velocityClass,
      @Schema(description = "Sellable units in the ledger when the count started") long expected,
      @Schema(description = "What the warehouse counted; absent until the results arrive") Long counted,
      @Schema(description = "counted - expected") Long variance) {
  }

  public static StockCountView of(StockCount count, List<StockCountLine> lines) {
    return new StockCountView(count.id, count.warehouseId, count.planId, count.purpose, count.status,
        count.createdAt, count.submittedAt, count.submittedBy, count.approvedBy, count.appliedAt,
        lines.stream().map(line -> new Line(line.sellerSku, line.velocityClass, line.expected, line.counted,
            line.variance)).toList());
  }
}
