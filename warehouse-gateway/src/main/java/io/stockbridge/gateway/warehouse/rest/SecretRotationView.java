package io.stockbridge.gateway.warehouse.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A rotated webhook secret")
public record SecretRotationView(
    @Schema(description = "The new secret (whsec_...), shown this once") String webhookSecret,
    @Schema(description = "Until when the previous secret still verifies") OffsetDateTime previousSecretValidUntil) {
}
