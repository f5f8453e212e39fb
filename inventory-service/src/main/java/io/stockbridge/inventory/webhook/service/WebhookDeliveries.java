package io.stockbridge.inventory.webhook.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.webhook.WebhookDeliveryStatus;
import io.stockbridge.inventory.webhook.WebhookDeliveryView;
import io.stockbridge.inventory.webhook.WebhookReplay;
import io.stockbridge.inventory.webhook.repository.WebhookDeliveryRepository;
import io.stockbridge.inventory.webhook.repository.WebhookSubscriptionRepository;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.ProblemException;

/** A subscription's delivery log, and replays of what it did not take. */
@ApplicationScoped
public class WebhookDeliveries {
  private final WebhookSubscriptionRepository subscriptions;
  private final WebhookDeliveryRepository deliveries;

  public WebhookDeliveries(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
  }

  public Uni<Page<WebhookDeliveryView>> log(String sellerId, UUID subscriptionId, WebhookDeliveryStatus status,
      String cursor, int limit) {
    PageCursor after = PageCursor.decode(cursor);
    return owned(sellerId, subscriptionId)
        .chain(() -> deliveries.page(subscriptionId, status, after, limit + 1))
        .map(rows -> Page.of(rows, limit, row -> new PageCursor(row.createdAt(), row.id()), row -> row));
  }

  public Uni<WebhookDeliveryView> find(String sellerId, UUID subscriptionId, UUID id) {
    return owned(sellerId, subscriptionId).chain(() -> deliveries.find(subscriptionId, id))
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Webhook delivery", id.toString()));
  }

  /** Sends one dead or delivered delivery again under its own webhook-id; 409 while it is still pending. */
  public Uni<WebhookDeliveryView> replay(String sellerId, UUID subscriptionId, UUID id) {
    return find(sellerId, subscriptionId, id)
        .chain(found -> found.status() == WebhookDeliveryStatus.PENDING
            || found.status() == WebhookDeliveryStatus.CANCELLED
            ? Uni.createFrom().failure(ProblemException.conflict(InventoryProblem.WEBHOOK_DELIVERY_NOT_REPLAYABLE,
                "Delivery " + found.webhookId() + " is " + found.status() + "; only dead or delivered ones replay"))
            : deliveries.replay(subscriptionId, id)
                .map(replayed -> replayed.isEmpty() ? found : replayed.get(0)));
  }

  /** Sends every dead delivery of the subscription again (after the receiver's outage is over). */
  public Uni<WebhookReplay> replayDead(String sellerId, UUID subscriptionId) {
    return owned(sellerId, subscriptionId).chain(() -> deliveries.replay(subscriptionId, null))
        .map(replayed -> new WebhookReplay(replayed.size()));
  }

  private Uni<Void> owned(String sellerId, UUID subscriptionId) {
    return subscriptions.exists(sellerId, subscriptionId)
        .map(exists -> {
          if (!exists) {
            throw ProblemException.notFound("Webhook subscription", subscriptionId.toString());
          }
          return null;
        });
  }
}
