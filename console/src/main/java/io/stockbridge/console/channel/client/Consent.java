package io.stockbridge.console.channel.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Where to send the seller to consent on the channel. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Consent(String authorizationUrl) {
}
