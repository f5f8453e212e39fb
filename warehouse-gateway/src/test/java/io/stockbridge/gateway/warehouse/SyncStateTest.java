package io.stockbridge.gateway.warehouse;

import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.gateway.warehouse.service.SyncWatch;
import io.stockbridge.platform.time.SuiteClock;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class SyncStateTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");

  @Inject
  Pool pool;

  @Inject
  SyncWatch watch;

  @Inject
  MeterRegistry meters;

  @Inject
  SettableClock settable;

  @Inject
  SuiteClock clock;

  private static String warehouse(String adapter, boolean apiReady) {
    return as(ALICE).body("{\"code\": \"SY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"Watched\", \"country\": \"US\", \"adapter\": \"" + adapter + "\", \"apiReady\": " + apiReady + "}")
        .post("/v1/warehouses").then().statusCode(201).body("syncState", equalTo("NEVER")).extract().path("id");
  }

  /** Records an inbox arrival now, as a webhook from the warehouse would. */
  private void arrived(String warehouseId) {
    pool.preparedQuery("insert into inbound_event (id, warehouse_id, seller_id, source_event_id, source_timestamp, "
            + "created_at, body, status) values ($1, $2, 'seller-a', $3, $4, $4, '{}', 'APPLIED')")
        .execute(Tuple.of(UUID.randomUUID(), UUID.fromString(warehouseId), UUID.randomUUID().toString(),
            clock.now()))
        .await().indefinitely();
  }

  @AfterEach
  void realTime() {
    settable.reset();
  }

  @Test
  void anApiWarehouseIsStaleAfterFifteenQuietMinutes_WH2() {
    String id = warehouse("STANDARD_WEBHOOKS", true);
    as(ALICE).get("/v1/warehouses/{id}", id).then().statusCode(200)
        .body("syncState", equalTo("NEVER")).body("lastSuccessfulSyncAt", nullValue());
    arrived(id);
    settable.advance(Duration.ofMinutes(14));
    as(ALICE).get("/v1/warehouses/{id}", id).then().body("syncState", equalTo("FRESH"))
        .body("lastSuccessfulSyncAt", notNullValue());
    long staleBefore = watch.countStale().await().atMost(Duration.ofSeconds(10));

    settable.advance(Duration.ofMinutes(2));
    as(ALICE).get("/v1/warehouses/{id}", id).then().body("syncState", equalTo("STALE"));
    as(ALICE).get("/v1/warehouses").then().statusCode(200);

    long stale = watch.countStale().await().atMost(Duration.ofSeconds(10));
    assertThat(stale).isGreaterThan(staleBefore);
    assertThat(meters.get("stockbridge.gateway.warehouses.stale").gauge().value()).isEqualTo((double) stale);
  }

  @Test
  void aCsvWarehouseMayBeFourHoursOld_WH1() {
    String id = warehouse("CSV", false);
    arrived(id);
    settable.advance(Duration.ofHours(3));
    as(ALICE).get("/v1/warehouses/{id}", id).then().body("syncState", equalTo("FRESH"));
    settable.advance(Duration.ofHours(1).plusMinutes(1));
    as(ALICE).get("/v1/warehouses/{id}", id).then().body("syncState", equalTo("STALE"));
  }
}
