package io.stockbridge.gateway.adapter;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.gateway.warehouse.repository.AdapterType;

/**
 * The adapter that reads each warehouse style's inbox events (webhooks, and items stored by polls). CSV uploads are converted to the Standard Webhooks
 * {@code inventory.levels} format when they are accepted, so that one adapter reads them.
 */
@ApplicationScoped
public class Adapters {
  private final StandardWebhooksAdapter standard = new StandardWebhooksAdapter();
  private final ShipBobAdapter shipBob = new ShipBobAdapter();
  private final WinitAdapter winit = new WinitAdapter();
  private final FourPxAdapter fourPx = new FourPxAdapter();

  public WmsAdapter forInbox(AdapterType type) {
    return switch (type) {
      case STANDARD_WEBHOOKS, CSV -> standard;
      case SHIPBOB -> shipBob;
      case WINIT -> winit;
      case FOURPX -> fourPx;
    };
  }
}
