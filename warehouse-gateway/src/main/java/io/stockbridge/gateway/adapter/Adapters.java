package io.stockbridge.gateway.adapter;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.gateway.warehouse.repository.AdapterType;

/**
 * The adapter that reads each warehouse style's inbox events. CSV uploads are converted to the Standard Webhooks
 * {@code inventory.levels} format when they are accepted, so that one adapter reads them.
 */
@ApplicationScoped
public class Adapters {
  private final StandardWebhooksAdapter standard = new StandardWebhooksAdapter();
  private final ShipBobAdapter shipBob = new ShipBobAdapter();

  public Optional<WmsAdapter> forInbox(AdapterType type) {
    return switch (type) {
      case STANDARD_WEBHOOKS, CSV -> Optional.of(standard);
      case SHIPBOB -> Optional.of(shipBob);
      default -> Optional.empty();
    };
  }
}
