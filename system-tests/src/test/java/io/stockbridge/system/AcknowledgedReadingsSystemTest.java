package io.stockbridge.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.stockbridge.sandbox.warehouse.WebhookSender;
import io.stockbridge.testing.TestTokens;

/**
 * Issue scenarios 1, 3 and 6 across real processes (catalog-service, inventory-service, warehouse-gateway, one
 * durable PostgreSQL): a reading acknowledged before the ledger knows its SKU is applied once the SKU's
 * registration arrives; one seller's flood of bad webhooks does not hold back another seller's reading; and a crash
 * of PostgreSQL in the middle of a webhook storm loses no acknowledged reading.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcknowledgedReadingsSystemTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String BOB = TestTokens.seller("seller-b", "seller-admin");

  private static Suite suite;
  /** What catalog-service believes is inventory-service: passes requests on, or holds registrations back. */
  private static WireMockServer registrationFront;
  private static ServiceProcess catalog;
  private static ServiceProcess inventory;
  private static ServiceProcess gateway;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = Suite.start("catalog", "inventory", "gateway");
    inventory = new ServiceProcess("inventory-service", suite.environment(), List.of()).launch();
    registrationFront = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().containerThreads(16));
    registrationFront.start();
    registrationFront.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(inventory.url())));
    catalog = new ServiceProcess("catalog-service", suite.environment("STOCKBRIDGE_INVENTORY_URL",
        registrationFront.baseUrl()), List.of()).launch();
    gateway = new ServiceProcess("warehouse-gateway", suite.environment("STOCKBRIDGE_INVENTORY_URL", inventory.url(),
        "STOCKBRIDGE_CATALOG_URL", catalog.url()), List.of()).launch();
    for (ServiceProcess service : List.of(inventory, catalog, gateway)) {
      service.awaitReady();
    }
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(gateway, catalog, inventory, registrationFront, suite);
  }


  private static Seller.Warehouse webhookWarehouse(String token, String code) {
    return new Seller(token, catalog, gateway).webhookWarehouse(code);
  }

  private static void product(String token, String key, List<String> skus) {
    new Seller(token, catalog, gateway).product(key, skus);
  }

  private static void map(String token, String sku, Seller.Warehouse warehouse, String item) {
    new Seller(token, catalog, gateway).map(sku, warehouse, item);
  }

  private static String levels(String item, long sequence, long sellable) {
    return Seller.levels(item, sequence, sellable);
  }

  private static int send(Seller.Warehouse warehouse, String id, String body) {
    return Seller.send(gateway, warehouse, id, body);
  }

  private static Long sellable(String seller, String sku, Seller.Warehouse warehouse) {
    List<List<String>> rows = suite.rows("inventory", "select unreserved from stock_balance where seller_id = '"
        + seller + "' and seller_sku = '" + sku + "' and warehouse_id = '" + warehouse.id() + "'");
    return rows.isEmpty() ? null : Long.valueOf(rows.get(0).get(0));
  }

  private static String status(String sourceId) {
    List<List<String>> rows = suite.rows("gateway", "select status from inbound_event where source_event_id = '"
        + sourceId + "'");
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }

  @Test
  @Order(1)
  void aReadingAcknowledgedBeforeTheLedgerKnowsItsSkuIsAppliedOnceTheRegistrationArrives_scenario1() {
    // catalog-service's registration of new SKUs is held back on its way to the ledger
    StubMapping held = registrationFront.stubFor(any(urlPathMatching("/internal/v1/skus/[^/]+")).atPriority(1)
        .willReturn(aResponse().withStatus(503)));
    Seller.Warehouse warehouse = webhookWarehouse(ALICE, "S1-WH");
    product(ALICE, "s1-product", List.of("S1-NEW"));
    map(ALICE, "S1-NEW", warehouse, "S1-ITEM");
    assertThat(send(warehouse, "s1-first", levels("S1-ITEM", 1, 42))).isEqualTo(202);

    // the ledger answers "not this SKU yet": the reading waits, it is not applied, nor lost
    await().atMost(Duration.ofSeconds(30)).until(() -> suite.rows("gateway", "select 1 from outbox_event where "
        + "receiver_code = 'UNKNOWN_SKU_OR_WAREHOUSE' and status = 'PENDING'").size() == 1);
    assertThat(status("s1-first")).isEqualTo("DELIVERING");
    assertThat(sellable("seller-a", "S1-NEW", warehouse)).isNull();

    registrationFront.removeStub(held);
    await().atMost(Duration.ofSeconds(60)).until(() -> Long.valueOf(42).equals(sellable("seller-a", "S1-NEW",
        warehouse)) && "APPLIED".equals(status("s1-first")));
    assertThat(suite.rows("gateway", "select count(*) from outbox_event where status = 'DEAD'"))
        .containsExactly(List.of("0"));
  }

  @Test
  @Order(2)
  void oneSellersFloodOfBadWebhooksDoesNotHoldBackAnotherSellersReading_scenario3() throws Exception {
    Seller.Warehouse flooding = webhookWarehouse(ALICE, "S3-FLOOD");
    Seller.Warehouse other = webhookWarehouse(BOB, "S3-OTHER");
    product(BOB, "s3-product", List.of("S3-BOB"));
    map(BOB, "S3-BOB", other, "S3-BOB-ITEM");
    await().atMost(Duration.ofSeconds(30)).until(() -> !suite.rows("inventory",
        "select 1 from known_sku where seller_id = 'seller-b' and seller_sku = 'S3-BOB'").isEmpty());
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> flood = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        int n = i;
        // half refused at the edge (item id too long), half accepted and parked (items nobody mapped)
        String item = n % 2 == 0 ? "X".repeat(200) + n : "UNMAPPED-" + n;
        flood.add(senders.submit(() -> send(flooding, "s3-flood-" + n, levels(item, 1, 5))));
      }
      Instant sent = Instant.now();
      assertThat(send(other, "s3-bob", levels("S3-BOB-ITEM", 1, 7))).isEqualTo(202);
      await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(7).equals(sellable("seller-b", "S3-BOB", other)));
      System.out.printf("scenario 3: the other seller's reading reached the ledger %d ms after it was sent%n",
          Duration.between(sent, Instant.now()).toMillis());
      int refused = 0;
      for (Future<Integer> answer : flood) {
        int status = answer.get();
        assertThat(status).isIn(202, 400);
        refused += status == 400 ? 1 : 0;
      }
      assertThat(refused).isEqualTo(75);
    } finally {
      senders.shutdownNow();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> suite.rows("gateway", "select count(*) from inbound_event "
        + "where warehouse_id = '" + flooding.id() + "' and status = 'PARKED'").get(0).get(0).equals("75"));
  }

  @Test
  @Order(3)
  void everyAcknowledgedReadingReachesTheLedgerWhenPostgresCrashesMidStorm_scenario6() throws Exception {
    int items = 8;
    int sequences = 40;
    Seller.Warehouse warehouse = webhookWarehouse(ALICE, "S6-WH");
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      skus.add("S6-SKU-" + i);
    }
    product(ALICE, "s6-product", skus);
    for (int i = 0; i < items; i++) {
      map(ALICE, skus.get(i), warehouse, "S6-ITEM-" + i);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> suite.rows("inventory", "select count(*) from known_sku "
        + "where seller_id = 'seller-a' and seller_sku like 'S6-SKU-%'").get(0).get(0).equals(Integer.toString(items)));

    // each item's readings in order from its own sender; the database dies a third of the way through
    Map<Integer, Integer> newestAcknowledged = new ConcurrentHashMap<>();
    java.util.Set<String> acknowledgedIds = ConcurrentHashMap.newKeySet();
    AtomicInteger sentSoFar = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(items);
    List<Future<?>> storm = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      int item = i;
      storm.add(senders.submit(() -> {
        for (int sequence = 1; sequence <= sequences; sequence++) {
          String id = "s6-" + item + "-" + sequence;
          // like a partner's sender, each event is sent again after a refusal (the database is down), for a while
          for (int attempt = 0; attempt < 40; attempt++) {
            int status = send(warehouse, id, levels("S6-ITEM-" + item, sequence, sequence));
            if (status == 200 || status == 202) {
              acknowledgedIds.add(id);
              newestAcknowledged.merge(item, sequence, Math::max);
              break;
            }
            refused.incrementAndGet();
            try {
              // a partner's sender waits a moment before it sends a refused event again
              Thread.sleep(250);
            } catch (InterruptedException e) {
              return;
            }
          }
          sentSoFar.incrementAndGet();
          try {
            // the partner's pace: about 50 readings a second per item
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> sentSoFar.get() >= items * sequences / 3);
    suite.crashDatabase();
    // down until the partners feel it: webhooks are refused (nothing is acknowledged while the database is gone)
    int refusedBefore = refused.get();
    await().atMost(Duration.ofSeconds(30)).until(() -> refused.get() > refusedBefore + items);
    suite.restartDatabase();
    for (Future<?> sender : storm) {
      sender.get();
    }
    senders.shutdown();
    System.out.printf("scenario 6: %d of %d readings acknowledged around the crash%n", acknowledgedIds.size(),
        items * sequences);
    // acknowledged before the crash and, sent again, after it
    assertThat(acknowledgedIds.size()).as("readings acknowledged around the crash")
        .isGreaterThan(items * sequences * 2 / 3);

    // every acknowledged reading is in the inbox, and each item's ledger stands at its newest acknowledged reading
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
      for (int i = 0; i < items; i++) {
        Long ledger = sellable("seller-a", skus.get(i), warehouse);
        // at least the newest acknowledged (a reading stored as the database died may be newer, never older)
        if (ledger == null || ledger.longValue() < newestAcknowledged.getOrDefault(i, Integer.MAX_VALUE)) {
          return false;
        }
      }
      return true;
    });
    List<String> stored = suite.rows("gateway", "select source_event_id from inbound_event where warehouse_id = '"
        + warehouse.id() + "'").stream().map(row -> row.get(0)).toList();
    assertThat(stored).containsAll(acknowledgedIds);
    await().atMost(Duration.ofSeconds(60)).until(() -> suite.rows("gateway", "select count(*) from inbound_event "
        + "where warehouse_id = '" + warehouse.id() + "' and status not in ('APPLIED')").get(0).get(0).equals("0"));
  }
}
