package io.stockbridge.gateway.warehouse.repository;

/**
 * The WMS API style a warehouse speaks, each with its own adapter (rule WH-1).
 */
public enum AdapterType {
  /** ShipBob-style inventory levels: webhooks and polling. */
  SHIPBOB(true, true),
  /** WINIT-style warehouse storage: signed polling. */
  WINIT(true, false),
  /** 4PX-style inventory: MD5-signed polling, 100 SKUs a call. */
  FOURPX(true, false),
  /** Any partner sending Standard Webhooks. */
  STANDARD_WEBHOOKS(false, true),
  /** No API: the seller uploads CSV files (up to 4 hours stale). */
  CSV(false, false);

  private final boolean polls;
  private final boolean receivesWebhooks;

  AdapterType(boolean polls, boolean receivesWebhooks) {
    this.polls = polls;
    this.receivesWebhooks = receivesWebhooks;
  }

  public boolean polls() {
    return polls;
  }

  public boolean receivesWebhooks() {
    return receivesWebhooks;
  }

  /** "API ready" in the channel's words: the warehouse's system talks to ours (WH-1). */
  public boolean apiReady() {
    return polls || receivesWebhooks;
  }
}
