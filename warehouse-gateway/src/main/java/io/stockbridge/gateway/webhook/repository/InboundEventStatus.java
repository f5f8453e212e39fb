package io.stockbridge.gateway.webhook.repository;

/**
 * Where an inbound event stands.
 */
public enum InboundEventStatus {
  /** Verified and stored, not yet processed. */
  RECEIVED,
  /** Delivered to the ledger. */
  APPLIED,
  /** Waiting for something (e.g. an unknown warehouse item); replayable. */
  PARKED,
  /** Cannot be applied; kept with its reason. */
  REJECTED
}
