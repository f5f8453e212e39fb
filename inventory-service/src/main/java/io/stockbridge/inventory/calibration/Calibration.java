package io.stockbridge.inventory.calibration;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.calibration.repository.CalibrationTask;

@Schema(description = "A warehouse reading that disagreed with what the ledger expected beyond the threshold "
    + "(rule WH-4); while unresolved, the channel is offered the lower of the two figures")
public record Calibration(
    UUID id,
    String sellerSku,
    String warehouseId,
    CalibrationStatus status,
    @Schema(description = "What the ledger expected: the last reading plus the movements it knew of since") Figures expected,
    @Schema(description = "What the warehouse reported (its latest reading while the task is unresolved)") Figures observed,
    @Schema(description = "observed - expected, per bucket") Figures difference,
    @Schema(description = "On-hand units no known movement explains (positive: more on the shelf than expected)") long unexplained,
    @Schema(description = "Units the reading showed beyond the ledger's figure, kept from sale while unresolved") long withheld,
    @Schema(description = "Whether the SKU takes no new orders in this warehouse (the task is overdue)") boolean ordersBlocked,
    OffsetDateTime openedAt,
    @Schema(description = "When it escalates unless resolved") OffsetDateTime dueAt,
    OffsetDateTime escalatedAt,
    OffsetDateTime resolvedAt,
    CalibrationReason resolutionReason,
    String resolutionNote,
    String resolvedBy) {

  @Schema(description = "Quantities of the warehouse's buckets")
  public record Figures(long inTransit, long qc, long frozen, long sellable) {
    Figures minus(Figures other) {
      return new Figures(inTransit - other.inTransit, qc - other.qc, frozen - other.frozen, sellable - other.sellable);
    }
  }

  public static Calibration of(CalibrationTask task) {
    Figures expected = new Figures(task.expectedInTransit, task.expectedQc, task.expectedFrozen, task.expectedSellable);
    Figures observed = new Figures(task.observedInTransit, task.observedQc, task.observedFrozen, task.observedSellable);
    return new Calibration(task.id, task.sellerSku, task.warehouseId, task.status, expected, observed,
        observed.minus(expected), task.unexplained, task.withheld, task.status == CalibrationStatus.ESCALATED,
        task.createdAt, task.dueAt, task.escalatedAt, task.resolvedAt, task.resolutionReason, task.resolutionNote,
        task.resolvedBy);
  }
}
