package io.stockbridge.console.warehouses.client;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A new webhook secret, shown once, and until when the previous one still verifies. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecretRotation(String webhookSecret, OffsetDateTime previousSecretValidUntil) {
}
