package io.stockbridge.gateway.webhook.service;

import java.util.List;
import java.util.UUID;

import io.stockbridge.gateway.webhook.repository.InboundEventStatus;
import io.stockbridge.platform.outbox.OutboxMessage;

/** The decision about one inbox event: its next status, why, and the snapshots it sends the ledger. */
record InboxDecision(UUID eventId, InboundEventStatus status, String reason, List<OutboxMessage> snapshots) {
}
