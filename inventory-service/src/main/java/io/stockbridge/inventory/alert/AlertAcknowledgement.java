package io.stockbridge.inventory.alert;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Who saw an alert and, optionally, what they are doing about it")
public record AlertAcknowledgement(
    @Schema(description = "A note for the team, e.g. the purchase order raised", examples = "PO-2291 raised")
    @Size(max = 1000) String note) {
}
