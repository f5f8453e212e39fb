package io.stockbridge.catalog.connection.repository;

/** The sales channels a connection can be made to. */
public enum Channel {
  TIKTOK_SHOP
}
