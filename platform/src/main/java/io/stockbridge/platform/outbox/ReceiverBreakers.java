package io.stockbridge.platform.outbox;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.fault.GuardShape;
import io.stockbridge.platform.fault.KeyedGuards;

/**
 * One circuit breaker (with the delivery's timeout) per receiver and seller. A breaker shared by every seller would
 * let one seller whose events a receiver keeps failing on (5xx, timeouts) hold back every other seller's deliveries
 * to that receiver; one shared by every receiver would let one receiver's outage stop deliveries to all the others.
 * While a receiver is down for everyone, each seller's breaker opens on its own; the events' own back-off bounds how
 * often a down receiver is called meanwhile.
 */
@ApplicationScoped
public class ReceiverBreakers {
  private final KeyedGuards<ReceiverAnswer> single;
  private final KeyedGuards<String> batches;

  public ReceiverBreakers(OutboxConfig outbox) {
    OutboxConfig.Delivery config = outbox.delivery();
    GuardShape shape = GuardShape.timeout(config.timeout())
        .breaker(config.breakerRequestVolume(), config.breakerFailureRatio(), config.breakerDelay());
    this.single = KeyedGuards.of(new TypeLiteral<Uni<ReceiverAnswer>>() {
    }, shape, config.breakersKept());
    this.batches = KeyedGuards.of(new TypeLiteral<Uni<String>>() {
    }, shape.withTimeout(config.batchTimeout()), config.breakersKept());
  }

  /** Runs one event's delivery under the breaker of its receiver and seller. */
  public Uni<ReceiverAnswer> guard(String destination, String sellerId, Supplier<Uni<ReceiverAnswer>> delivery) {
    return single.call(destination + "\n" + sellerId, delivery);
  }

  /** Runs one batched request (all of one seller's events) under the batch breaker of its receiver and seller. */
  public Uni<String> guardBatch(String destination, String sellerId, Supplier<Uni<String>> delivery) {
    return batches.call(destination + "\n" + sellerId, delivery);
  }
}
