package io.stockbridge.inventory.webhook.service;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.webhook.WebhookEventType;
import io.stockbridge.inventory.webhook.WebhookSubscriptionRequest;
import io.stockbridge.inventory.webhook.WebhookSubscriptionView;
import io.stockbridge.inventory.webhook.config.WebhookConfig;
import io.stockbridge.inventory.webhook.repository.WebhookSubscriptionRecord;
import io.stockbridge.inventory.webhook.repository.WebhookSubscriptionRepository;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.secret.SecretCipher;
import io.stockbridge.platform.time.SuiteClock;
import io.stockbridge.platform.webhook.StandardWebhookSignature;

/**
 * The seller's webhook subscriptions. A new one gets a random signing secret, answered once and kept encrypted;
 * its URL must pass the address guard.
 */
@ApplicationScoped
public class WebhookSubscriptions {
  private static final int SECRET_BYTES = 32;

  private final WebhookSubscriptionRepository subscriptions;
  private final ReceiverAddressGuard guard;
  private final SecretCipher cipher;
  private final SuiteClock clock;
  private final WebhookConfig config;
  private final SecureRandom random = new SecureRandom();

  public WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, ReceiverAddressGuard guard,
      SecretCipher cipher, SuiteClock clock, WebhookConfig config) {
    this.subscriptions = subscriptions;
    this.guard = guard;
    this.cipher = cipher;
    this.clock = clock;
    this.config = config;
  }

  /** What binds a sealed secret to its subscription (a sealed value copied to another row does not open). */
  static String secretContext(UUID subscriptionId) {
    return "webhook-subscription:" + subscriptionId;
  }

  public Uni<WebhookSubscriptionView> subscribe(String sellerId, String actor, WebhookSubscriptionRequest request) {
    List<String> events = eventsOf(request.events());
    return guard.check(request.url()).chain(() -> {
      UUID id = UUID.randomUUID();
      byte[] key = new byte[SECRET_BYTES];
      random.nextBytes(key);
      String secret = StandardWebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
      WebhookSubscriptionRecord subscription = new WebhookSubscriptionRecord(id, sellerId, request.url(), events,
          request.description(), cipher.seal(secret, secretContext(id)), actor, clock.now(), 0, null);
      return subscriptions.insert(subscription, config.maxSubscriptionsPerSeller())
          .onItem().ifNull().failWith(() -> ProblemException.conflict(InventoryProblem.WEBHOOK_SUBSCRIPTION_LIMIT,
              "A seller may have " + config.maxSubscriptionsPerSeller() + " webhook subscriptions; delete one first"))
          .map(stored -> stored.view().withSecret(secret));
    });
  }

  public Uni<Page<WebhookSubscriptionView>> list(String sellerId, String cursor, int limit) {
    return subscriptions.page(sellerId, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, row -> new PageCursor(row.createdAt(), row.id()),
            WebhookSubscriptionRecord::view));
  }

  public Uni<WebhookSubscriptionView> find(String sellerId, UUID id) {
    return subscriptions.findOwned(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Webhook subscription", id.toString()))
        .map(WebhookSubscriptionRecord::view);
  }

  public Uni<Void> delete(String sellerId, UUID id) {
    return subscriptions.delete(sellerId, id, clock.now())
        .map(deleted -> {
          if (!deleted) {
            throw ProblemException.notFound("Webhook subscription", id.toString());
          }
          return null;
        });
  }

  /** The event names, each once, in the order given; every unknown one named. */
  private static List<String> eventsOf(List<String> names) {
    List<FieldError> errors = new ArrayList<>();
    LinkedHashSet<String> events = new LinkedHashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (WebhookEventType.ofWireName(name).isEmpty()) {
        errors.add(new FieldError("events[" + i + "]", "unknown_event", "not an event type; one of "
            + WebhookEventType.wireNames()));
      } else {
        events.add(name);
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Unknown event types", errors);
    }
    return List.copyOf(events);
  }
}
