package io.stockbridge.inventory.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A URL to be told of the seller's events, and which ones. */
public record WebhookSubscriptionRequest(
    @Schema(description = "http or https URL; addresses in private, loopback or link-local networks are refused "
        + "unless the operator allows them", example = "https://erp.example.com/stockbridge/webhooks")
    @NotBlank @Size(max = 2048) String url,
    @Schema(description = "Event types: alert.opened, alert.resolved, stock.available_changed, "
        + "listing.status_changed, reservation.expired, calibration.opened")
    @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> events,
    @Size(max = 200) String description) {
}
