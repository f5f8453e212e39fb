package io.stockbridge.inventory.reservation;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.inventory.LedgerInvariant;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Clients that hang up mid-request (timeouts, closed tabs, a load tool stopping) must cost nothing: every
 * transaction still ends, every database connection returns to the pool, and the service keeps answering.
 */
@QuarkusTest
class ClientDisconnectTest {
  @TestHTTPResource("/v1/reservations")
  URL reservationsUrl;

  @Inject
  Pool pool;

  @Inject
  MeterRegistry meters;

  @Test
  void clientsHangingUpMidRequestLeakNoConnection() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 1000);

    HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> abandoned = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 60; i++) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(reservationsUrl.toString()))
            .timeout(Duration.ofMillis(1 + i % 7))
            .header("Authorization", "Bearer " + ALICE).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\": \"gone-" + sku + "-" + round + "-" + i
                + "\", \"lines\": [{\"sellerSku\": \"" + sku + "\", \"quantity\": 1}]}"))
            .build();
        abandoned.add(impatient.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
      }
      abandoned.forEach(f -> f.handle((r, e) -> null).join());
    }
    // once the abandoned work has ended, no connection may stay checked out of the pool
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(meters.get("sql.pool.active").gauge().value()).as("connections in use").isZero());

    // more requests than the pool has connections must still be served, promptly
    for (int i = 0; i < 40; i++) {
      as(ALICE).body("{\"orderId\": \"after-" + sku + "-" + i + "\", \"lines\": [{\"sellerSku\": \"" + sku
          + "\", \"quantity\": 1}]}").post("/v1/reservations").then().statusCode(201);
    }
    var levels = levels(ALICE, sku, warehouse);
    long stored = pool.query("select count(*) from reservation where order_id like 'gone-" + sku + "%' or order_id like 'after-"
        + sku + "%'").execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    assertThat(levels.getLong("reserved")).as("every stored reservation holds its unit, no more").isEqualTo(stored);
    assertThat(LedgerInvariant.mismatches(pool)).isZero();
  }
}
