package io.stockbridge.inventory.alert;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.alert.repository.Alert;

@Schema(description = "Something the seller should know: one per cause while it holds; it resolves itself when the "
    + "cause goes away")
public record AlertView(
    UUID id,
    AlertType type,
    AlertStatus status,
    @Schema(description = "The SKU it concerns, if any") String sellerSku,
    @Schema(description = "The warehouse it concerns, if any") String warehouseId,
    @Schema(description = "What happened, in a sentence") String summary,
    @Schema(description = "The figures behind it as last seen (e.g. available, safetyStock, suggestedQuantity)")
    Map<String, Object> details,
    @Schema(description = "The service that raised it") String raisedBy,
    OffsetDateTime openedAt,
    @Schema(description = "When its figures last changed") OffsetDateTime updatedAt,
    OffsetDateTime acknowledgedAt,
    String acknowledgedBy,
    String acknowledgementNote,
    OffsetDateTime resolvedAt,
    @Schema(description = "Why it ended") String resolution) {

  public static AlertView of(Alert alert) {
    return new AlertView(alert.id, alert.type, alert.status, alert.sellerSku, alert.warehouseId, alert.summary,
        alert.details, alert.raisedBy, alert.createdAt, alert.updatedAt, alert.acknowledgedAt, alert.acknowledgedBy,
        alert.acknowledgementNote, alert.resolvedAt, alert.resolution);
  }
}
