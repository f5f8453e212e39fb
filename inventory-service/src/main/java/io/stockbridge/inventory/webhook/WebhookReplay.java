package io.stockbridge.inventory.webhook;

/** How many dead deliveries a replay queued again. */
public record WebhookReplay(int replayed) {
}
