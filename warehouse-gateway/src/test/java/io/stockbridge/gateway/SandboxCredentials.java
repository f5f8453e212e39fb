package io.stockbridge.gateway;

import io.stockbridge.sandbox.warehouse.Accounts;

/**
 * The WMS credentials the warehouse sandbox accepts, as a warehouse connection's {@code credentials} JSON, so that
 * warehouses connected in tests can really be polled.
 */
public final class SandboxCredentials {
  private static final Accounts ACCOUNTS = Accounts.defaults();

  private SandboxCredentials() {
  }

  /** The credentials field (with a leading comma) for a polled adapter; empty for the others. */
  public static String field(String adapter) {
    return switch (adapter) {
      case "WINIT" -> ", \"credentials\": {\"appKey\": \"" + ACCOUNTS.winitAppKey() + "\", \"token\": \""
          + ACCOUNTS.winitToken() + "\", \"warehouseId\": \"1000001\"}";
      case "FOURPX" -> ", \"credentials\": {\"appKey\": \"" + ACCOUNTS.fourPxAppKey() + "\", \"appSecret\": \""
          + ACCOUNTS.fourPxSecret() + "\", \"warehouseCode\": \"USLAX01\", \"customerCode\": \"900278\"}";
      case "SHIPBOB" -> ", \"credentials\": {\"token\": \"" + ACCOUNTS.shipBobToken() + "\"}";
      default -> "";
    };
  }
}
