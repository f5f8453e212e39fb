package io.stockbridge.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.restassured.specification.RequestSpecification;
import io.stockbridge.sandbox.warehouse.WebhookSender;
import io.stockbridge.testing.TestTokens;

/**
 * warehouse-gateway and inventory-service as real processes, catalog-service resolving the items, one PostgreSQL,
 * tokens checked against an OIDC server: inventory-service fails (503, then answers slower than the gateway waits)
 * while a warehouse's webhooks arrive, and the gateway crashes (SIGKILL) and restarts in between. Every event the
 * gateway acknowledged is applied: its reading reaches the ledger exactly once, or, while it waited, a newer reading
 * of the same item superseded it; the newest state wins.
 */
class WarehouseToLedgerSystemTest {
  /** The gateway sends snapshots to the ledger in batches. */
  private static final String LEDGER_BATCH = "/internal/v1/warehouse-events/batch";
  private static final String SELLER = "seller-a";
  private static final String ALICE = TestTokens.seller(SELLER, "seller-admin");
  private static final int EVENTS = 12;

  private static Suite suite;
  private static WireMockServer inventoryFront;
  private static ServiceProcess catalog;
  private static ServiceProcess inventory;
  private static ServiceProcess gateway;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = Suite.start("catalog", "inventory", "gateway");
    // what the gateway believes is inventory-service: a front that fails on demand, else passes requests on
    inventoryFront = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().containerThreads(32));
    inventoryFront.start();

    // the delivery timeout and the breaker's pause, shortened so that the test does not wait for production values
    List<String> faultTolerance = List.of("-Dstockbridge.outbox.delivery.timeout=1s",
        "-Dstockbridge.outbox.delivery.batch-timeout=1s", "-Dstockbridge.outbox.delivery.breaker-delay=1s");

    inventory = new ServiceProcess("inventory-service", suite.environment(), faultTolerance).launch();
    catalog = new ServiceProcess("catalog-service", suite.environment("STOCKBRIDGE_INVENTORY_URL", inventory.url()),
        faultTolerance).launch();
    gateway = new ServiceProcess("warehouse-gateway", suite.environment("STOCKBRIDGE_INVENTORY_URL",
        inventoryFront.baseUrl(), "STOCKBRIDGE_CATALOG_URL", catalog.url()), faultTolerance).launch();
    for (ServiceProcess service : List.of(inventory, catalog, gateway)) {
      service.awaitReady();
    }
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(gateway, catalog, inventory, inventoryFront, suite);
  }


  private static List<List<String>> rows(String database, String sql) {
    return suite.rows(database, sql);
  }

  private static RequestSpecification as(String token, ServiceProcess service) {
    return Suite.as(token, service);
  }

  private static String levels(int sequence) {
    return "{\"type\": \"inventory.levels\", \"data\": {\"items\": [{\"itemId\": \"E2E-ITEM\", \"sequence\": \"" + sequence
        + "\", \"inTransit\": 0, \"qc\": 0, \"frozen\": 0, \"sellable\": " + sequence * 10 + "}]}}";
  }

  @Test
  void everyAcknowledgedEventReachesTheLedgerOnceThroughOutagesAndACrash_WH2() throws Exception {
    as(ALICE, catalog).header("Idempotency-Key", "e2e-product").body("{\"titles\": {\"en\": \"Wireless earbuds with "
        + "charging case\"}, \"category\": \"Electronics/Audio/Earphones\", \"skus\": [{\"sellerSku\": \"E2E-1\"}]}")
        .post("/v1/products").then().statusCode(201);
    // the ledger learns the SKU from catalog-service's outbox
    await().atMost(Duration.ofSeconds(30)).until(() -> !rows("inventory",
        "select 1 from known_sku where seller_id = 'seller-a' and seller_sku = 'E2E-1'").isEmpty());
    var created = as(ALICE, gateway).body("{\"code\": \"E2E-WH\", \"name\": \"Partner\", \"country\": \"US\","
        + " \"adapter\": \"STANDARD_WEBHOOKS\", \"apiReady\": true}").post("/v1/warehouses").then().statusCode(201).extract();
    String warehouseId = created.path("id");
    String secret = created.path("webhookSecret");
    as(ALICE, catalog).body("{\"wmsItemId\": \"E2E-ITEM\"}")
        .put("/v1/skus/E2E-1/warehouse-items/{wh}", warehouseId).then().statusCode(200);

    // 1. inventory-service answers 503 while the partner sends its events, out of order and some twice
    inventoryFront.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
    List<WebhookSender.Event> events = new ArrayList<>();
    for (int sequence = 1; sequence <= EVENTS; sequence++) {
      events.add(new WebhookSender.Event("e2e-" + sequence, levels(sequence), sequence % 3 == 0 ? 2 : 1, Duration.ZERO));
    }
    List<WebhookSender.Delivery> deliveries = new WebhookSender().send(gateway.url() + "/webhooks/" + warehouseId, secret,
        events, WebhookSender.Order.SHUFFLED, 7);
    Set<String> acknowledged = new HashSet<>();
    deliveries.forEach(delivery -> {
      assertThat(delivery.status()).as(delivery.id()).isIn(200, 202);
      acknowledged.add(delivery.id());
    });
    assertThat(acknowledged).hasSize(EVENTS);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> inventoryFront.countRequestsMatching(postRequestedFor(urlEqualTo(LEDGER_BATCH))
            .build()).getCount() >= 3);

    // 2. then it answers slower than the gateway waits
    inventoryFront.resetAll();
    inventoryFront.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> inventoryFront.countRequestsMatching(postRequestedFor(urlEqualTo(LEDGER_BATCH))
            .build()).getCount() >= 2);

    // 3. the gateway crashes with deliveries outstanding, and comes back
    gateway.crash();
    List<List<String>> pending = rows("gateway", "select count(*) from outbox_event where status = 'PENDING' "
        + "and destination = 'inventory-service'");
    assertThat(Integer.parseInt(pending.get(0).get(0))).as("deliveries outstanding at the crash").isPositive();
    inventoryFront.resetAll();
    inventoryFront.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(inventory.url())));
    gateway.start();

    // every acknowledged event reached the ledger, each once, and the newest reading (sequence 12) won
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> rows("gateway",
        "select count(*) from outbox_event where status = 'PENDING' and destination = 'inventory-service'")
        .get(0).get(0).equals("0") && rows("gateway", "select count(*) from inbound_event where status = 'APPLIED'")
        .get(0).get(0).equals(Integer.toString(EVENTS)));
    List<List<String>> inbox = rows("gateway", "select source_event_id, status from inbound_event where warehouse_id = '"
        + warehouseId + "'");
    assertThat(inbox).hasSize(EVENTS).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("APPLIED"));
    // each reading was delivered, or superseded while it waited by a newer reading of the item (never by an older)
    List<List<String>> snapshots = rows("gateway", "select payload::json ->> 'eventId', status, "
        + "(payload::json ->> 'sequence')::int from outbox_event where destination = 'inventory-service'");
    assertThat(snapshots).isNotEmpty().allSatisfy(row -> assertThat(row.get(1)).isIn("DELIVERED", "SUPERSEDED"));
    List<String> delivered = snapshots.stream().filter(row -> row.get(1).equals("DELIVERED")).map(row -> row.get(0))
        .toList();
    int newestDelivered = snapshots.stream().filter(row -> row.get(1).equals("DELIVERED"))
        .mapToInt(row -> Integer.parseInt(row.get(2))).max().orElseThrow();
    assertThat(newestDelivered).isEqualTo(EVENTS);
    assertThat(snapshots).filteredOn(row -> row.get(1).equals("SUPERSEDED"))
        .allSatisfy(row -> assertThat(Integer.parseInt(row.get(2))).isLessThan(EVENTS));
    // what was delivered reached the ledger exactly once
    List<List<String>> applied = rows("inventory", "select idem_key from idempotency_record "
        + "where seller_id = 'seller-a' and scope = 'warehouse-event'");
    assertThat(applied).extracting(row -> row.get(0)).containsExactlyInAnyOrderElementsOf(delivered);
    as(ALICE, inventory).get("/v1/stock/E2E-1/warehouses/{wh}", warehouseId).then().statusCode(200)
        .body("levels.sellable", org.hamcrest.Matchers.equalTo(EVENTS * 10));
    // the ledger equals the sum of its movements (STK-2)
    List<List<String>> movements = rows("inventory", "select coalesce(sum(case when to_bucket = 'SELLABLE' then quantity "
        + "else 0 end) - sum(case when from_bucket = 'SELLABLE' then quantity else 0 end), 0) from stock_movement "
        + "where seller_id = 'seller-a' and seller_sku = 'E2E-1' and warehouse_id = '" + warehouseId + "'");
    assertThat(movements.get(0).get(0)).isEqualTo(Integer.toString(EVENTS * 10));
  }
}
