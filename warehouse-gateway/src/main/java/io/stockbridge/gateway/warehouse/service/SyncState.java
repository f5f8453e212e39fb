package io.stockbridge.gateway.warehouse.service;

/**
 * Whether a warehouse's stock data is recent enough (rule WH-2).
 */
public enum SyncState {
  /** No stock data received yet. */
  NEVER,
  /** Data received within the staleness window. */
  FRESH,
  /** Nothing received for longer than the window: the channel may delist its SKUs. */
  STALE
}
