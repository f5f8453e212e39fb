package io.stockbridge.catalog.connection.repository;

/** Where a channel connection stands (rules CH-1..3). */
public enum ChannelConnectionStatus {
  /** Created; waiting for the seller to consent on the channel. */
  PENDING_AUTHORIZATION,
  /** Tokens in hand and refreshed before they expire. */
  ACTIVE,
  /** The channel refused the tokens (revoked, lapsed, scopes changed): the seller must authorise again; nothing is dropped meanwhile. */
  REAUTHORIZATION_REQUIRED,
  /** Replaced by a newer authorisation of the same shop (CH-2), or given up; final. */
  REVOKED
}
