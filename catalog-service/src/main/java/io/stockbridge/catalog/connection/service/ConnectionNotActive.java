package io.stockbridge.catalog.connection.service;

import java.util.UUID;

import io.stockbridge.catalog.connection.repository.ChannelConnectionStatus;

/** A call to the channel cannot be made now: the connection waits for the seller (or is gone). */
public class ConnectionNotActive extends RuntimeException {
  private final UUID connectionId;
  private final ChannelConnectionStatus status;

  public ConnectionNotActive(UUID connectionId, ChannelConnectionStatus status, String reason) {
    super("Channel connection " + connectionId + " is " + (status == null ? "missing" : status.name())
        + (reason == null ? "" : ": " + reason), null, false, false);
    this.connectionId = connectionId;
    this.status = status;
  }

  public UUID connectionId() {
    return connectionId;
  }

  /** Null when the connection does not exist. */
  public ChannelConnectionStatus status() {
    return status;
  }
}
