package io.stockbridge.catalog.connection;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where to send the seller to consent; the channel sends them back to the callback")
public record AuthorizationView(ChannelConnectionView connection,
    @Schema(description = "Open this in the seller's browser") String authorizationUrl,
    @Schema(description = "The consent must be given before this") OffsetDateTime authorizationExpiresAt) {
}
