package io.stockbridge.inventory.webhook.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.webhook.WebhookEventType;
import io.stockbridge.inventory.webhook.WebhookFanOut;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.webhook.WebhookEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Events the other services have for the seller's subscribers, taken from their outbox. The event id makes a
 * repeat (an outbox message delivered twice) a no-op per subscriber.
 */
@ApplicationScoped
public class ReportedWebhookEvents {
  /** What another service may report; the ledger's own events arise in its own transactions. */
  static final Set<WebhookEventType> REPORTABLE = Set.of(WebhookEventType.LISTING_STATUS_CHANGED);
  private static final String FAN_OUT = "select webhook_fan_out($1, $2, $3, $4::jsonb, $5) as fanned";

  private final Pool pool;

  public ReportedWebhookEvents(Pool pool) {
    this.pool = pool;
  }

  public Uni<WebhookFanOut> report(String sellerId, WebhookEvent event) {
    boolean reportable = WebhookEventType.ofWireName(event.type()).filter(REPORTABLE::contains).isPresent();
    if (!reportable) {
      return Uni.createFrom().failure(new ProblemException(422, InventoryProblem.WEBHOOK_EVENT_NOT_REPORTABLE,
          "Unprocessable", event.type() + " is not an event another service reports"));
    }
    return pool.preparedQuery(FAN_OUT).execute(Tuple.of(sellerId, event.type(), event.type() + ":" + event.eventId(),
            new JsonObject(event.data()), event.occurredAt()))
        .map(rows -> new WebhookFanOut(rows.iterator().next().getInteger("fanned")));
  }
}
