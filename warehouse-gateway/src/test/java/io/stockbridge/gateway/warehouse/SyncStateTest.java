package io.stockbridge.gateway.warehouse;

import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.gateway.warehouse.service.SyncWatch;
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

  private static String warehouse(String adapter, boolean apiReady) {
    return as(ALICE).body("{\"code\": \"SY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"Watched\", \"country\": \"US\", \"adapter\": \"" + adapter + "\", \"apiReady\": " + apiReady + "}")
        .post("/v1/warehouses").then().statusCode(201).body("syncState", equalTo("NEVER")).extract().path("id");
  }

  /** Puts an inbox arrival {@code age} in the past, as if the warehouse last sent data then. */
  private void arrived(String warehouseId, Duration age) {
    pool.preparedQuery("insert into inbound_event (id, warehouse_id, seller_id, source_event_id, source_timestamp, "
            + "created_at, body, status) values ($1, $2, 'seller-a', $3, now(), now() - $4 * interval '1 second', '{}', 'APPLIED')")
        .execute(Tuple.of(UUID.randomUUID(), UUID.fromString(warehouseId), UUID.randomUUID().toString(),
            age.toSeconds()))
        .await().indefinitely();
  }

  @Test
  void anApiWarehouseIsStaleAfterFifteenQuietMinutes_WH2() {
    String id = warehouse("STANDARD_WEBHOOKS", true);
    as(ALICE).get("/v1/warehouses/{id}", id).then().statusCode(200)
        .body("syncState", equalTo("NEVER")).body("lastSuccessfulSyncAt", nullValue());
    arrived(id, Duration.ofMinutes(14));
    as(ALICE).get("/v1/warehouses/{id}", id).then().body("syncState", equalTo("FRESH"))
        .body("lastSuccessfulSyncAt", notNullValue());
    String quiet = warehouse("SHIPBOB", true);
    arrived(quiet, Duration.ofMinutes(16));
    as(ALICE).get("/v1/warehouses/{id}", quiet).then().body("syncState", equalTo("STALE"));
    as(ALICE).get("/v1/warehouses").then().statusCode(200);

    long stale = watch.countStale().await().atMost(Duration.ofSeconds(10));
    assertThat(stale).isGreaterThanOrEqualTo(1);
    assertThat(meters.get("stockbridge.gateway.warehouses.stale").gauge().value()).isEqualTo((double) stale);
  }

  @Test
  void aCsvWarehouseMayBeFourHoursOld_WH1() {
    String id = warehouse("CSV", false);
    arrived(id, Duration.ofHours(3));
    as(ALICE).get("/v1/warehouses/{id}", id).then().body("syncState", equalTo("FRESH"));
    String old = warehouse("CSV", false);
    arrived(old, Duration.ofHours(5));
    as(ALICE).get("/v1/warehouses/{id}", old).then().body("syncState", equalTo("STALE"));
  }
}
