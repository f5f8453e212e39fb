package io.stockbridge.platform.webhook;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An event a service other than inventory-service has for the seller's webhook subscribers (a listing's change of
 * status), sent through its outbox to inventory-service, which owns the subscriptions. {@code eventId} names what
 * happened, so an event delivered twice is sent to each subscriber once.
 */
@RegisterForReflection
public record WebhookEvent(
    @NotBlank @Size(max = 200) String eventId,
    @NotBlank @Pattern(regexp = "[a-z]+\\.[a-z_]+") String type,
    @NotNull OffsetDateTime occurredAt,
    @NotNull Map<String, Object> data) {
  /** Where inventory-service takes them. */
  public static final String PATH = "/internal/v1/webhook-events";
}
