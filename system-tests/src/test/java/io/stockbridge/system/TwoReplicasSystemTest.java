package io.stockbridge.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.stockbridge.sandbox.warehouse.Accounts;
import io.stockbridge.sandbox.warehouse.WarehouseSandbox;
import io.stockbridge.testing.TestTokens;

/**
 * Issue 14: the suite scaled out as Kubernetes runs it, two replicas of inventory-service and two of
 * warehouse-gateway on one database, every replica dispatching its outbox, working its inbox and polling warehouses.
 * A storm of orders for one hot SKU, split across both inventory replicas, reserves exactly the stock there is;
 * webhooks split across both gateway replicas are each applied once, and no outbox event reaches the ledger twice;
 * polled warehouses are shared by both gateway replicas and each is polled once when due, never by both.
 */
class TwoReplicasSystemTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");

  private static Suite suite;
  /** What both gateway replicas believe is inventory-service: passes every request on, and remembers it. */
  private static WireMockServer ledgerFront;
  /** The polled partner (WINIT-style); each of its answers takes longer than a polling tick. */
  private static WarehouseSandbox partner;
  private static ServiceProcess catalog;
  private static ServiceProcess inventoryA;
  private static ServiceProcess inventoryB;
  private static ServiceProcess gatewayA;
  private static ServiceProcess gatewayB;

  @BeforeAll
  static void startTwoReplicasOfEach() throws Exception {
    suite = Suite.start("catalog", "inventory", "gateway");
    inventoryA = new ServiceProcess("inventory-service", suite.environment(), List.of()).launch();
    inventoryB = new ServiceProcess("inventory-service", suite.environment(), List.of()).launch();
    ledgerFront = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().containerThreads(32));
    ledgerFront.start();
    ledgerFront.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(inventoryA.url())));
    catalog = new ServiceProcess("catalog-service", suite.environment("STOCKBRIDGE_INVENTORY_URL", inventoryB.url()),
        List.of()).launch();
    partner = new WarehouseSandbox(Accounts.defaults()).start(0);
    partner.winit().faults().delay(Duration.ofMillis(1500));
    // one warehouse claimed per tick, so that both replicas take a share of the due warehouses
    Map<String, String> gateways = suite.environment("STOCKBRIDGE_INVENTORY_URL", ledgerFront.baseUrl(),
        "STOCKBRIDGE_CATALOG_URL", catalog.url(), "STOCKBRIDGE_GATEWAY_POLLING_WINIT_URL",
        partner.baseUrl() + "/winit", "STOCKBRIDGE_GATEWAY_POLLING_BATCH_SIZE", "1");
    gatewayA = new ServiceProcess("warehouse-gateway", gateways, List.of()).launch();
    gatewayB = new ServiceProcess("warehouse-gateway", gateways, List.of()).launch();
    for (ServiceProcess service : List.of(inventoryA, inventoryB, catalog, gatewayA, gatewayB)) {
      service.awaitReady();
    }
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(gatewayA, gatewayB, catalog, inventoryA, inventoryB, ledgerFront, partner, suite);
  }

  @Test
  void twoReplicasOfEachOversellNothingAndDoNoWorkTwice() throws Exception {
    Seller alice = new Seller(ALICE, catalog, gatewayA);
    Seller.Warehouse warehouse = alice.webhookWarehouse("TWO-REPLICAS");
    int items = 40;
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      skus.add("R2-SKU-" + i);
    }
    alice.product("r2-product", skus);
    for (int i = 0; i < items; i++) {
      alice.map(skus.get(i), warehouse, "R2-ITEM-" + i);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> count("inventory", "select count(*) from known_sku where "
        + "seller_id = 'seller-a' and seller_sku like 'R2-SKU-%'") == items);

    // every item's one reading, sent alternately to the two gateway replicas
    for (int i = 0; i < items; i++) {
      ServiceProcess replica = i % 2 == 0 ? gatewayA : gatewayB;
      assertThat(Seller.send(replica, warehouse, "r2-reading-" + i, Seller.levels("R2-ITEM-" + i, 1, 100 + i)))
          .isEqualTo(202);
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> count("gateway", "select count(*) from inbound_event where "
        + "warehouse_id = '" + warehouse.id() + "' and status = 'APPLIED'") == items);
    for (int i = 0; i < items; i++) {
      assertThat(count("inventory", "select unreserved from stock_balance where seller_id = 'seller-a' and "
          + "seller_sku = 'R2-SKU-" + i + "'")).isEqualTo(100 + i);
    }
    // the two gateways' inboxes made one snapshot per reading, and their outboxes sent each exactly once
    assertThat(count("gateway", "select count(*) from outbox_event where path like '/internal/v1/warehouse-events%' "
        + "and payload like '%" + warehouse.id() + "%'")).isEqualTo(items);
    Map<String, Integer> deliveries = new HashMap<>();
    for (LoggedRequest request : ledgerFront.findAll(postRequestedFor(urlPathMatching(
        "/internal/v1/warehouse-events(/batch)?")))) {
      for (String eventId : eventIds(request, warehouse.id())) {
        deliveries.merge(eventId, 1, Integer::sum);
      }
    }
    assertThat(deliveries).hasSize(items);
    assertThat(deliveries.values()).containsOnly(1);

    // the hot SKU: 100 units, 300 orders of one unit each, split across the two inventory replicas at once
    String hot = skus.get(0);
    ExecutorService buyers = Executors.newFixedThreadPool(16);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        ServiceProcess replica = i % 2 == 0 ? inventoryA : inventoryB;
        String order = "{\"orderId\": \"r2-order-" + i + "\", \"lines\": [{\"sellerSku\": \"" + hot
            + "\", \"quantity\": 1}]}";
        answers.add(buyers.submit(() -> Suite.as(ALICE, replica).body(order).post("/v1/reservations").then()
            .extract().statusCode()));
      }
      int reserved = 0;
      for (Future<Integer> answer : answers) {
        int status = answer.get();
        assertThat(status).as("every order is reserved or refused, never failed").isIn(201, 409);
        reserved += status == 201 ? 1 : 0;
      }
      assertThat(reserved).isEqualTo(100);
    } finally {
      buyers.shutdownNow();
    }
    assertThat(count("inventory", "select reserved from stock_balance where seller_id = 'seller-a' and "
        + "seller_sku = '" + hot + "'")).isEqualTo(100);
  }

  @Test
  void eachDueWarehouseIsPolledOnceByOneOfTheReplicas() {
    Seller alice = new Seller(ALICE, catalog, gatewayA);
    partner.winit().put("R2-WINIT-ITEM", new ObjectMapper().createObjectNode().put("qtyAvailable", 70));
    int warehouses = 6;
    List<Seller.Warehouse> polled = new ArrayList<>();
    for (int i = 0; i < warehouses; i++) {
      // a new warehouse is due at once; each reads its own storage at the partner
      polled.add(alice.winitWarehouse("R2-POLLED-" + i, partner.accounts(), "R2-WH-" + i));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> count("gateway", "select count(*) from warehouse_connection "
        + "where code like 'R2-POLLED-%' and last_successful_poll_at is not null") == warehouses);
    // both replicas kept ticking every second while each 1.5 s poll ran: had a claim not held, a warehouse would
    // have been polled again by the other replica
    pollsStayAt(1, warehouses);
    for (int i = 0; i < warehouses; i++) {
      assertThat(partner.winit().pollsOf("R2-WH-" + i)).as("polls of warehouse %d", i).isEqualTo(1);
    }
    assertThat(polls(gatewayA) + polls(gatewayB)).isEqualTo(warehouses);
    assertThat(polls(gatewayA)).as("replica A polled some").isPositive();
    assertThat(polls(gatewayB)).as("replica B polled some").isPositive();

    // mapped now, and polled again on request (asked alternately of both replicas): each reading reaches the ledger
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < warehouses; i++) {
      skus.add("R2-POLLED-SKU-" + i);
    }
    alice.product("r2-polled-product", skus);
    for (int i = 0; i < warehouses; i++) {
      alice.map(skus.get(i), polled.get(i), "R2-WINIT-ITEM");
    }
    for (int i = 0; i < warehouses; i++) {
      Suite.as(ALICE, i % 2 == 0 ? gatewayA : gatewayB).post("/v1/warehouses/{id}/poll", polled.get(i).id()).then()
          .statusCode(202);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> count("inventory", "select count(*) from stock_balance where "
        + "seller_id = 'seller-a' and seller_sku like 'R2-POLLED-SKU-%' and unreserved = 70") == warehouses);
    pollsStayAt(2, warehouses);
    for (int i = 0; i < warehouses; i++) {
      assertThat(partner.winit().pollsOf("R2-WH-" + i)).as("polls of warehouse %d", i).isEqualTo(2);
    }
    assertThat(polls(gatewayA) + polls(gatewayB)).isEqualTo(2 * warehouses);
  }

  /**
   * Every warehouse's poll count holds at {@code polls} through several polling ticks of both replicas (in which
   * nothing is due): any poll that happens is one too many.
   */
  private static void pollsStayAt(int polls, int warehouses) {
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> IntStream.range(0, warehouses).allMatch(i -> partner.winit().pollsOf("R2-WH-" + i) == polls));
  }

  /** The successful polls a gateway replica made, from its own metrics. */
  private static long polls(ServiceProcess gateway) {
    String metrics = io.restassured.RestAssured.get(gateway.url() + "/q/metrics").then().statusCode(200).extract()
        .asString();
    return metrics.lines().filter(line -> line.startsWith("stockbridge_gateway_polls_total{")
            && line.contains("adapter=\"WINIT\"") && line.contains("outcome=\"ok\""))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  private static long count(String database, String sql) {
    return suite.number(database, sql);
  }

  /** The ids of a warehouse's events a delivery carried: a batch's, or a single event's Idempotency-Key. */
  private static List<String> eventIds(LoggedRequest request, String warehouseId) {
    if (!request.getUrl().endsWith("/batch")) {
      return request.getBodyAsString().contains(warehouseId) ? List.of(request.getHeader("Idempotency-Key"))
          : List.of();
    }
    try {
      List<String> ids = new ArrayList<>();
      JsonNode body = new ObjectMapper().readTree(request.getBodyAsString());
      body.path("events").forEach(event -> {
        if (event.toString().contains(warehouseId)) {
          ids.add(event.path("eventId").asText());
        }
      });
      return ids;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
