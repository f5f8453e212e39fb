package io.stockbridge.gateway.warehouse.repository;

import java.util.List;

/**
 * The WMS API style a warehouse speaks, each with its own adapter (rule WH-1).
 */
public enum AdapterType {
  /** ShipBob-style inventory levels: webhooks, and polling when a token is given. */
  SHIPBOB(true, true, List.of("token")),
  /** WINIT-style warehouse storage: signed polling. */
  WINIT(true, false, List.of("appKey", "token", "warehouseId")),
  /** 4PX-style inventory: MD5-signed polling, 100 SKUs a call. */
  FOURPX(true, false, List.of("appKey", "appSecret", "warehouseCode")),
  /** Any partner sending Standard Webhooks. */
  STANDARD_WEBHOOKS(false, true, List.of()),
  /** No API: the seller uploads CSV files (up to 4 hours stale). */
  CSV(false, false, List.of());

  private final boolean polls;
  private final boolean receivesWebhooks;
  private final List<String> pollCredentials;

  AdapterType(boolean polls, boolean receivesWebhooks, List<String> pollCredentials) {
    this.polls = polls;
    this.receivesWebhooks = receivesWebhooks;
    this.pollCredentials = pollCredentials;
  }

  /** Whether warehouses of this style can be polled. */
  public boolean polls() {
    return polls;
  }

  /** Whether polling is the only way this style delivers stock. */
  public boolean mustPoll() {
    return polls && !receivesWebhooks;
  }

  /** The credentials a poll needs (names of keys of the warehouse's credentials). */
  public List<String> pollCredentials() {
    return pollCredentials;
  }

  public boolean receivesWebhooks() {
    return receivesWebhooks;
  }

  /** "API ready" in the channel's words: the warehouse's system talks to ours (WH-1). */
  public boolean apiReady() {
    return polls || receivesWebhooks;
  }
}
