package io.stockbridge.sandbox.channel;

import java.util.List;

/**
 * A seller's shop on the channel: its id, the cipher API calls name it by, its warehouses, and the switches a test
 * flips to make the channel refuse it (the seller revoked the app, or the app is not authorised for its channel).
 */
public final class Shop {
  private final String id;
  private final String cipher;
  private final String sellerName;
  private final String region;
  private final List<String> warehouseIds;
  private volatile boolean appUnauthorized;

  public Shop(String id, String sellerName, String region, List<String> warehouseIds) {
    this.id = id;
    this.cipher = "ROW_" + id;
    this.sellerName = sellerName;
    this.region = region;
    this.warehouseIds = List.copyOf(warehouseIds);
  }

  public String id() {
    return id;
  }

  public String cipher() {
    return cipher;
  }

  public String sellerName() {
    return sellerName;
  }

  public String region() {
    return region;
  }

  public List<String> warehouseIds() {
    return warehouseIds;
  }

  public boolean appUnauthorized() {
    return appUnauthorized;
  }

  public void appUnauthorized(boolean value) {
    appUnauthorized = value;
  }
}
