package io.stockbridge.inventory.webhook.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.PageCursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The sellers' webhook subscriptions; a deleted one is kept (its deliveries name it) but never shown. */
@ApplicationScoped
public class WebhookSubscriptionRepository {
  private static final String INSERT = """
      insert into webhook_subscription (id, seller_id, url, events, description, secret_sealed, created_by, created_at)
      select $1, $2, $3, $4, $5, $6, $7, $8
      where (select count(*) from webhook_subscription where seller_id = $2 and deleted_at is null) < $9
      returning\s""" + WebhookSubscriptionRecord.COLUMNS;
  private static final String FIND = "select " + WebhookSubscriptionRecord.COLUMNS
      + " from webhook_subscription where seller_id = $1 and id = $2 and deleted_at is null";
  private static final String PAGE = "select " + WebhookSubscriptionRecord.COLUMNS + """
       from webhook_subscription
      where seller_id = $1 and deleted_at is null
        and ($2::timestamptz is null or (created_at, id) > ($2, $3::uuid))
      order by created_at, id limit $4""";
  private static final String DELETE = """
      with gone as (
        update webhook_subscription set deleted_at = $3 where seller_id = $1 and id = $2 and deleted_at is null
        returning id)
      update webhook_delivery d set status = 'CANCELLED', last_error = 'subscription deleted'
      from gone where d.subscription_id = gone.id and d.status = 'PENDING'
      returning d.id""";
  private static final String EXISTS = "select 1 from webhook_subscription where seller_id = $1 and id = $2 "
      + "and deleted_at is null";

  private final Pool pool;

  public WebhookSubscriptionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a subscription unless the seller has {@code limit} already; null then. */
  public Uni<WebhookSubscriptionRecord> insert(WebhookSubscriptionRecord subscription, int limit) {
    return pool.preparedQuery(INSERT).execute(Tuple.tuple(Arrays.asList(subscription.id(), subscription.sellerId(),
            subscription.url(), subscription.events().toArray(String[]::new), subscription.description(),
            subscription.secretSealed(), subscription.createdBy(), subscription.createdAt(), limit)))
        .map(rows -> rows.size() == 0 ? null : WebhookSubscriptionRecord.of(rows.iterator().next()));
  }

  public Uni<WebhookSubscriptionRecord> findOwned(String sellerId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(sellerId, id))
        .map(rows -> rows.size() == 0 ? null : WebhookSubscriptionRecord.of(rows.iterator().next()));
  }

  public Uni<Boolean> exists(String sellerId, UUID id) {
    return pool.preparedQuery(EXISTS).execute(Tuple.of(sellerId, id)).map(rows -> rows.size() > 0);
  }

  public Uni<List<WebhookSubscriptionRecord>> page(String sellerId, PageCursor after, int limit) {
    return pool.preparedQuery(PAGE).execute(Tuple.tuple(Arrays.asList(sellerId,
            after == null ? null : after.createdAt(), after == null ? null : after.id(), limit)))
        .map(rows -> {
          List<WebhookSubscriptionRecord> page = new ArrayList<>();
          rows.forEach(row -> page.add(WebhookSubscriptionRecord.of(row)));
          return page;
        });
  }

  /** Deletes the subscription and cancels what it still had to send; false when it is not the seller's. */
  public Uni<Boolean> delete(String sellerId, UUID id, OffsetDateTime now) {
    return pool.withTransaction(connection -> connection.preparedQuery(EXISTS).execute(Tuple.of(sellerId, id))
        .chain(found -> found.size() == 0 ? Uni.createFrom().item(false)
            : connection.preparedQuery(DELETE).execute(Tuple.of(sellerId, id, now)).replaceWith(true)));
  }
}
