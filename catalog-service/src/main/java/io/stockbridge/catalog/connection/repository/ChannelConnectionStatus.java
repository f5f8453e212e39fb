package io.stockbridge.catalog.connection.repository;

/** Where a channel connection stands (rules CH-1..3). */
public enum ChannelConnectionStatus {
  /** Created; waiting for the seller to consent on the channel. */
  PENDING_AUTHORIZATION,
  /** Tokens in hand and refreshed before they expire. */
  ACTIVE,
  /** The channel refused the tokens (revoked, lapsed, scopes changed): the seller must authorise again; nothing is dropped meanwhile. */
  REAUTHORIZATION_REQUIRED,
  /**
   * The channel answered 403 UNAUTHORIZED_CHANNEL (40302, rule CH-4): the app is not authorised for this shop's
   * channel. Like re-authorisation, it needs the seller; pushes wait, and authorising again resumes them.
   */
  UNAUTHORIZED_CHANNEL,
  /** Replaced by a newer authorisation of the same shop (CH-2), or given up; final. */
  REVOKED
}
