package io.stockbridge.gateway.webhook.repository;

/**
 * Where an inbound event stands.
 */
public enum InboundEventStatus {
  /** Verified and stored, not yet processed. */
  RECEIVED,
  /** Read and resolved; its snapshots are on their way to the ledger. */
  DELIVERING,
  /** The ledger applied every snapshot of it, or a newer reading of the item superseded one. */
  APPLIED,
  /** Waiting for something (e.g. an unknown warehouse item); replayable. */
  PARKED,
  /** Cannot be applied (not of the warehouse's style, or refused by the ledger); kept with its reason. */
  REJECTED
}
