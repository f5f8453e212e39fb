package io.stockbridge.inventory.alert;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a report did to the feed")
public record ServiceAlertOutcome(
    @Schema(description = "OPENED, UPDATED, RESOLVED, or IGNORED (older than, or the same as, the last report of its "
        + "cause; or a clear with nothing open)") String outcome,
    @Schema(description = "The alert it opened, updated or resolved") UUID alertId) {
}
