package io.stockbridge.inventory.alert;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.platform.alert.AlertReport;

@Schema(description = "A cause another service sees, raised (again, with its latest figures) or cleared as of "
    + "observedAt; a report older than the last applied for the cause changes nothing")
public record ServiceAlert(
    @NotNull AlertType type,
    @Schema(description = "What makes two alerts of the type the same one, e.g. the connection or warehouse id")
    @NotBlank @Size(max = 300) String cause,
    @NotNull AlertReport.State state,
    @Size(max = 64) String sellerSku,
    @Size(max = 64) String warehouseId,
    @NotBlank @Size(max = 1000) String summary,
    Map<String, Object> details,
    @NotNull OffsetDateTime observedAt,
    @Schema(description = "The service whose source saw it; absent: the caller's client") @Size(max = 64)
    String raisedBy) {
}
