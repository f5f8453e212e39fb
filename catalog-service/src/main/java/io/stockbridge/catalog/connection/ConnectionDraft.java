package io.stockbridge.catalog.connection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.catalog.connection.repository.Channel;

@Schema(description = "A connection to make: the seller then consents on the channel (CH-1)")
public record ConnectionDraft(
    @NotNull Channel channel,
    @Schema(description = "The shop's market, e.g. US, GB, TH", example = "US") @NotNull
    @Pattern(regexp = "[A-Z]{2}", message = "a two-letter market code such as US") String region) {
}
