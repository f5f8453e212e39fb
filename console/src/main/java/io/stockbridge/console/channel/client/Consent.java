package io.stockbridge.console.channel.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where to send the seller to consent on the channel. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Consent(String authorizationUrl) {
}
