package io.stockbridge.inventory.webhook.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.webhook.WebhookDeliveryStatus;
import io.stockbridge.inventory.webhook.WebhookDeliveryView;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.persistence.NamedSql;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deliveries of events to subscribers. Their times are the database's own clock: they are about real receivers
 * answering over the network, not about the ledger's business dates.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {
  /**
   * Due deliveries in turns across subscriptions, a few of each, so that no receiver's backlog crowds out another's;
   * none from a subscription paused, deleted, or still busy on this replica. The next attempt's time is the lease:
   * a replica that dies mid-attempt leaves the delivery to be tried again once it passes.
   */
  private static final NamedSql CLAIM = LeasedClaim.from("webhook_delivery", "d")
      .join("join webhook_subscription sub on sub.id = d.subscription_id")
      .where("d.status = 'PENDING'")
      .where("sub.deleted_at is null and (sub.paused_until is null or sub.paused_until <= :now)")
      .where("sub.id <> all (:busy)")
      .where("cast(:only as uuid) is null or sub.id = cast(:only as uuid)")
      .leasedBy("next_attempt_at")
      .set("attempts = attempts + 1")
      .set("last_attempt_at = :now")
      .orderBy("next_attempt_at", "id")
      .fairBy("subscription_id", ":per_subscription")
      .returning("id, subscription_id, seller_id, event_type, payload::text as payload, attempts")
      .build().positional();
  private static final String RECEIVERS = "select id, url, secret_sealed from webhook_subscription where id = any ($1)";
  private static final String DELIVERED = """
      with d as (
        update webhook_delivery set status = 'DELIVERED', delivered_at = clock_timestamp(), last_response_status = $2,
          last_error = null
        where id = $1 and status = 'PENDING' returning subscription_id)
      update webhook_subscription s set consecutive_failures = 0, paused_until = null
      from d where s.id = d.subscription_id and (s.consecutive_failures > 0 or s.paused_until is not null)""";
  private static final String FAILED = """
      with d as (
        update webhook_delivery set last_response_status = $2, last_error = $3,
          status = case when coalesce(replayed_at, created_at) + $5 * interval '1 millisecond' <= clock_timestamp()
            then 'DEAD' else 'PENDING' end,
          dead_at = case when coalesce(replayed_at, created_at) + $5 * interval '1 millisecond' <= clock_timestamp()
            then clock_timestamp() end,
          next_attempt_at = clock_timestamp() + $4 * interval '1 millisecond'
        where id = $1 and status = 'PENDING' returning subscription_id, status)
      update webhook_subscription s set consecutive_failures = s.consecutive_failures + 1,
        paused_until = case when s.consecutive_failures + 1 >= $6 then clock_timestamp()
          + least($8 * interval '1 millisecond',
                  $7 * interval '1 millisecond' * power(2, least(s.consecutive_failures + 1 - $6, 20)))
          end
      from d where s.id = d.subscription_id
      returning d.status""";
  private static final String EXPIRE = """
      update webhook_delivery set status = 'DEAD', dead_at = clock_timestamp(),
        last_error = coalesce(last_error, 'never attempted') || ' (not delivered within the retry window)'
      where status = 'PENDING' and coalesce(replayed_at, created_at) <= clock_timestamp() - $1 * interval '1 millisecond'
        and next_attempt_at <= clock_timestamp()""";
  private static final String PURGE = """
      delete from webhook_delivery where id in (
        select id from webhook_delivery where status <> 'PENDING'
          and created_at < clock_timestamp() - $1 * interval '1 millisecond' limit 1000)""";
  private static final String PAGE = """
      select * from webhook_delivery
      where subscription_id = $1 and ($2::text is null or status = $2)
        and ($3::timestamptz is null or (created_at, id) > ($3, $4::uuid))
      order by created_at, id limit $5""";
  private static final String FIND = "select * from webhook_delivery where subscription_id = $1 and id = $2";
  private static final String REPLAY = """
      update webhook_delivery set status = 'PENDING', next_attempt_at = clock_timestamp(),
        replayed_at = clock_timestamp(), dead_at = null
      where subscription_id = $1 and ($2::uuid is null and status = 'DEAD'
        or id = $2::uuid and status in ('DEAD', 'DELIVERED'))
      returning *""";

  private final Pool pool;

  public WebhookDeliveryRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<ClaimedDelivery>> claim(Collection<UUID> busy, UUID only, int perSubscription, int limit,
      OffsetDateTime now, Duration lease) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("now", now);
    parameters.put("lease", now.plus(lease));
    parameters.put("limit", limit);
    parameters.put("per_subscription", perSubscription);
    parameters.put("busy", busy.toArray(UUID[]::new));
    parameters.put("only", only);
    return pool.preparedQuery(CLAIM.sql()).execute(CLAIM.tuple(parameters))
        .chain(rows -> {
          List<Row> claimed = new ArrayList<>();
          rows.forEach(claimed::add);
          if (claimed.isEmpty()) {
            return Uni.createFrom().item(List.<ClaimedDelivery>of());
          }
          UUID[] subscriptions = claimed.stream().map(row -> row.getUUID("subscription_id")).distinct()
              .toArray(UUID[]::new);
          return pool.preparedQuery(RECEIVERS).execute(Tuple.of(subscriptions)).map(receivers -> {
            Map<UUID, Row> byId = new HashMap<>();
            receivers.forEach(receiver -> byId.put(receiver.getUUID("id"), receiver));
            return claimed.stream().map(row -> ClaimedDelivery.of(row, byId.get(row.getUUID("subscription_id"))))
                .toList();
          });
        });
  }

  public Uni<Void> delivered(UUID id, int status) {
    return pool.preparedQuery(DELIVERED).execute(Tuple.of(id, status)).replaceWithVoid();
  }

  /**
   * Records a failed attempt: retried after {@code retryAfter}, or dead once the window has passed; the
   * subscription counts one more failure in a row and, from {@code pauseAfter} on, is paused with back-off.
   * @return whether the delivery is dead now
   */
  public Uni<Boolean> failed(UUID id, Integer status, String error, Duration retryAfter, Duration retryFor,
      int pauseAfter, Duration firstPause, Duration maxPause) {
    return pool.preparedQuery(FAILED).execute(Tuple.tuple(Arrays.asList(id, status, error, retryAfter.toMillis(),
            retryFor.toMillis(), pauseAfter, firstPause.toMillis(), maxPause.toMillis())))
        .map(rows -> rows.size() > 0 && "DEAD".equals(rows.iterator().next().getString("status")));
  }

  /** Gives up on deliveries whose window passed while their subscription was paused. */
  public Uni<Integer> expire(Duration retryFor) {
    return pool.preparedQuery(EXPIRE).execute(Tuple.of(retryFor.toMillis())).map(RowSet::rowCount);
  }

  public Uni<Integer> purge(Duration retention) {
    return pool.preparedQuery(PURGE).execute(Tuple.of(retention.toMillis())).map(RowSet::rowCount);
  }

  public Uni<List<WebhookDeliveryView>> page(UUID subscriptionId, WebhookDeliveryStatus status, PageCursor after,
      int limit) {
    return pool.preparedQuery(PAGE).execute(Tuple.tuple(Arrays.asList(subscriptionId,
            status == null ? null : status.name(), after == null ? null : after.createdAt(),
            after == null ? null : after.id(), limit)))
        .map(WebhookDeliveryRepository::views);
  }

  public Uni<WebhookDeliveryView> find(UUID subscriptionId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(subscriptionId, id))
        .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
  }

  /** Queues one delivery (dead or delivered) again, or with a null id every dead one; what was queued. */
  public Uni<List<WebhookDeliveryView>> replay(UUID subscriptionId, UUID id) {
    return pool.preparedQuery(REPLAY).execute(Tuple.tuple(Arrays.asList(subscriptionId, id)))
        .map(WebhookDeliveryRepository::views);
  }

  private static List<WebhookDeliveryView> views(RowSet<Row> rows) {
    List<WebhookDeliveryView> views = new ArrayList<>();
    rows.forEach(row -> views.add(view(row)));
    return views;
  }

  private static WebhookDeliveryView view(Row row) {
    UUID id = row.getUUID("id");
    Object payload = row.getValue("payload");
    return new WebhookDeliveryView(WebhookDeliveryView.webhookId(id), id, row.getString("event_type"),
        WebhookDeliveryStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("last_attempt_at"),
        row.getInteger("last_response_status"), row.getString("last_error"),
        "PENDING".equals(row.getString("status")) ? row.getOffsetDateTime("next_attempt_at") : null,
        row.getOffsetDateTime("delivered_at"), row.getOffsetDateTime("dead_at"), row.getOffsetDateTime("replayed_at"),
        payload instanceof JsonObject json ? json.getMap() : null);
  }
}
