package io.stockbridge.inventory.webhook.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.webhook.WebhookDeliveryView;
import io.stockbridge.inventory.webhook.client.ReceiverReply;
import io.stockbridge.inventory.webhook.client.WebhookReceiverClient;
import io.stockbridge.inventory.webhook.config.WebhookConfig;
import io.stockbridge.inventory.webhook.repository.ClaimedDelivery;
import io.stockbridge.inventory.webhook.repository.WebhookDeliveryRepository;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.secret.SecretCipher;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Sends due deliveries. A round takes a few per subscription and does not wait for them: each subscription's batch
 * runs on its own, so a receiver that answers 500 or hangs until the timeout holds up only its own deliveries; a
 * subscription whose batch succeeded in full goes on at once with its next one instead of waiting for the next round.
 */
@ApplicationScoped
public class WebhookDispatcher {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  private final WebhookDeliveryRepository deliveries;
  private final WebhookReceiverClient receivers;
  private final ReceiverAddressGuard guard;
  private final SecretCipher cipher;
  private final WebhookConfig config;
  private final SuiteClock clock;
  /** Subscriptions with a batch in flight on this replica. */
  private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

  public WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookReceiverClient receivers,
      ReceiverAddressGuard guard, SecretCipher cipher, WebhookConfig config, SuiteClock clock) {
    this.deliveries = deliveries;
    this.receivers = receivers;
    this.guard = guard;
    this.cipher = cipher;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(every = "${stockbridge.inventory.webhooks.interval:1s}", delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> onSchedule() {
    if (!config.enabled()) {
      return Uni.createFrom().voidItem();
    }
    return round().replaceWithVoid()
        .onFailure().recoverWithItem(failure -> {
          LOG.warnf("Webhook round failed: %s", failure.getMessage());
          return null;
        });
  }

  /** Gives up on expired deliveries, purges the old log, and starts the due batches; the number started. */
  public Uni<Integer> round() {
    return deliveries.expire(config.retryFor())
        .chain(() -> deliveries.purge(config.logRetention()))
        .chain(() -> claim(null))
        .invoke(this::start)
        .map(List::size);
  }

  /** Which subscriptions have a batch in flight here (for tests and health). */
  public Set<UUID> busy() {
    return Set.copyOf(busy);
  }

  private Uni<List<ClaimedDelivery>> claim(UUID only) {
    Duration lease = config.timeout().plusSeconds(30);
    // a subscription's own next batch is claimed while it is still marked busy
    return deliveries.claim(only == null ? busy : Set.of(), only, config.inFlightPerSubscription(), config.roundLimit(),
        clock.now(), lease);
  }

  private void start(List<ClaimedDelivery> claimed) {
    Map<UUID, List<ClaimedDelivery>> batches = claimed.stream()
        .collect(Collectors.groupingBy(ClaimedDelivery::subscriptionId));
    batches.forEach((subscription, batch) -> {
      if (busy.add(subscription)) {
        runBatch(subscription, batch);
      }
    });
  }

  private void runBatch(UUID subscription, List<ClaimedDelivery> batch) {
    Multi.createFrom().iterable(batch)
        .onItem().transformToUniAndMerge(this::attempt)
        .collect().asList()
        .chain(outcomes -> outcomes.size() == config.inFlightPerSubscription() && !outcomes.contains(false)
            ? claim(subscription) : Uni.createFrom().item(List.<ClaimedDelivery>of()))
        .subscribe().with(next -> {
          if (next.isEmpty()) {
            busy.remove(subscription);
          } else {
            runBatch(subscription, next);
          }
        }, failure -> {
          busy.remove(subscription);
          LOG.warnf("Webhook batch for subscription %s failed: %s", subscription, failure.getMessage());
        });
  }

  /** One attempt of one delivery, recorded; whether the receiver took it. */
  private Uni<Boolean> attempt(ClaimedDelivery delivery) {
    return guard.check(delivery.url())
        .chain(() -> receivers.send(delivery.url(), secretOf(delivery), WebhookDeliveryView.webhookId(delivery.id()),
            delivery.payload(), config.timeout()))
        .onFailure(ProblemException.class).recoverWithItem(refused -> new ReceiverReply(null,
            "not sent: " + ((ProblemException) refused).getMessage()))
        .chain(reply -> reply.delivered()
            ? deliveries.delivered(delivery.id(), reply.status()).replaceWith(true)
            : deliveries.failed(delivery.id(), reply.status(), reply.error(), retryAfter(delivery.attempts()),
                config.retryFor(), config.pauseAfterFailures(), config.firstRetryAfter(), config.maxRetryInterval())
                .replaceWith(false));
  }

  private String secretOf(ClaimedDelivery delivery) {
    return cipher.open(delivery.secretSealed(), WebhookSubscriptions.secretContext(delivery.subscriptionId()));
  }

  /** The wait after the n-th failed attempt: the first wait, four times as long each time, up to the longest. */
  Duration retryAfter(int attempts) {
    Duration wait = config.firstRetryAfter();
    for (int i = 1; i < attempts && wait.compareTo(config.maxRetryInterval()) < 0; i++) {
      wait = wait.multipliedBy(4);
    }
    return wait.compareTo(config.maxRetryInterval()) > 0 ? config.maxRetryInterval() : wait;
  }
}
