package io.stockbridge.gateway.webhook;

import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.stockbridge.gateway.webhook.service.InboxRetention;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The inbox keeps settled events for the retention (7 days by default) and then lets them go, in bounded batches;
 * a parked event is kept whatever its age until it is replayed (WH-3), and a waiting one until it is processed.
 */
@QuarkusTest
class InboxRetentionTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");

  @Inject
  InboxRetention retention;

  @Inject
  Pool pool;

  private void insert(String warehouseId, String sourceId, String status, int daysAgo) {
    pool.preparedQuery("insert into inbound_event (id, warehouse_id, seller_id, source_event_id, source_timestamp, "
            + "created_at, body, status) values (gen_random_uuid(), $1, 'seller-a', $2, $3, $3, '{}', $4)")
        .execute(Tuple.of(UUID.fromString(warehouseId), sourceId, OffsetDateTime.now().minusDays(daysAgo), status))
        .await().indefinitely();
  }

  private List<String> remaining(String warehouseId) {
    List<String> ids = new ArrayList<>();
    for (Row row : pool.preparedQuery("select source_event_id from inbound_event where warehouse_id = $1 "
        + "order by source_event_id").execute(Tuple.of(UUID.fromString(warehouseId))).await().indefinitely()) {
      ids.add(row.getString(0));
    }
    return ids;
  }

  @Test
  void settledEventsPastTheRetentionGoAndParkedOrWaitingOnesStay_WH3() throws Throwable {
    String warehouse = as(ALICE).body("{\"code\": \"RT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"Retention\", \"country\": \"US\", \"adapter\": \"STANDARD_WEBHOOKS\", \"apiReady\": true}")
        .post("/v1/warehouses").then().statusCode(201).extract().path("id");
    // more old applied events than one purge statement takes (5,000): the purge goes on until none is left
    pool.preparedQuery("insert into inbound_event (id, warehouse_id, seller_id, source_event_id, source_timestamp, "
            + "created_at, body, status) select gen_random_uuid(), $1, 'seller-a', 'old-applied-' || n, $2, $2, '{}', "
            + "'APPLIED' from generate_series(1, 5200) as n")
        .execute(Tuple.of(UUID.fromString(warehouse), OffsetDateTime.now().minusDays(8))).await().indefinitely();
    insert(warehouse, "old-rejected", "REJECTED", 8);
    insert(warehouse, "old-parked", "PARKED", 30);
    insert(warehouse, "old-received", "RECEIVED", 8);
    insert(warehouse, "recent-applied", "APPLIED", 6);
    insert(warehouse, "recent-rejected", "REJECTED", 1);

    long purged = VertxContextSupport.subscribeAndAwait(() -> retention.purge());

    assertThat(purged).isGreaterThanOrEqualTo(5201);
    assertThat(remaining(warehouse))
        .containsExactly("old-parked", "old-received", "recent-applied", "recent-rejected");
  }
}
