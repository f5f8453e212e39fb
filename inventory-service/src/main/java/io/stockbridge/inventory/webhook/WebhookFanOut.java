package io.stockbridge.inventory.webhook;

/** How many subscriptions an event reported by another service was queued for (0 when none asked for it). */
public record WebhookFanOut(int subscriptions) {
}
