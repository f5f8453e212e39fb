package io.stockbridge.inventory.lock.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.lock.PackageLabelState;
import io.stockbridge.inventory.lock.repository.ShippingLabelRepository;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Keeps which channel packages have shipping labels (INV-1). The edit check asks for open ones, so several packages
 * of one SKU lock it until the last ships, and the order the channel's notices arrive in does not matter: a closed
 * package never opens again.
 */
@ApplicationScoped
public class ShippingLabels {
  private final ShippingLabelRepository repository;
  private final SuiteClock clock;

  public ShippingLabels(ShippingLabelRepository repository, SuiteClock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<Void> apply(String sellerId, PackageLabelState label) {
    return label.closes() ? repository.closed(sellerId, label, clock.now())
        : repository.labelled(sellerId, label, clock.now());
  }
}
