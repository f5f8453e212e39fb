package io.stockbridge.gateway.adapter;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.gateway.warehouse.repository.AdapterType;

/**
 * The adapter of each WMS API style that sends webhooks.
 */
@ApplicationScoped
public class Adapters {
  private final StandardWebhooksAdapter standard = new StandardWebhooksAdapter();
  private final ShipBobAdapter shipBob = new ShipBobAdapter();

  public Optional<WmsAdapter> forWebhooks(AdapterType type) {
    return switch (type) {
      case STANDARD_WEBHOOKS -> Optional.of(standard);
      case SHIPBOB -> Optional.of(shipBob);
      default -> Optional.empty();
    };
  }
}
