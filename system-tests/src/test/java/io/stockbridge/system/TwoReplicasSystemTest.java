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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.stockbridge.testing.TestTokens;

/**
 * Issue 14: the suite scaled out as Kubernetes runs it, two replicas of inventory-service and two of
 * warehouse-gateway on one database, every replica dispatching its outbox and working its inbox. A storm of orders
 * for one hot SKU, split across both inventory replicas, reserves exactly the stock there is; webhooks split across
 * both gateway replicas are each applied once, and no outbox event reaches the ledger twice.
 */
class TwoReplicasSystemTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");

  private static Suite suite;
  /** What both gateway replicas believe is inventory-service: passes every request on, and remembers it. */
  private static WireMockServer ledgerFront;
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
    Map<String, String> gateways = suite.environment("STOCKBRIDGE_INVENTORY_URL", ledgerFront.baseUrl(),
        "STOCKBRIDGE_CATALOG_URL", catalog.url());
    gatewayA = new ServiceProcess("warehouse-gateway", gateways, List.of()).launch();
    gatewayB = new ServiceProcess("warehouse-gateway", gateways, List.of()).launch();
    for (ServiceProcess service : List.of(inventoryA, inventoryB, catalog, gatewayA, gatewayB)) {
      service.awaitReady();
    }
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(gatewayA, gatewayB, catalog, inventoryA, inventoryB, ledgerFront, suite);
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
    assertThat(count("gateway", "select count(*) from outbox_event where path like '/internal/v1/warehouse-events%'"))
        .isEqualTo(items);
    Map<String, Integer> deliveries = new HashMap<>();
    for (LoggedRequest request : ledgerFront.findAll(postRequestedFor(urlPathMatching(
        "/internal/v1/warehouse-events(/batch)?")))) {
      for (String eventId : eventIds(request)) {
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

  private static long count(String database, String sql) {
    List<List<String>> rows = suite.rows(database, sql);
    return rows.isEmpty() || rows.get(0).get(0) == null ? -1 : Long.parseLong(rows.get(0).get(0));
  }

  /** The event ids a delivery carried: a batch's every event, or a single event's Idempotency-Key. */
  private static List<String> eventIds(LoggedRequest request) {
    if (!request.getUrl().endsWith("/batch")) {
      return List.of(request.getHeader("Idempotency-Key"));
    }
    try {
      List<String> ids = new ArrayList<>();
      JsonNode body = new ObjectMapper().readTree(request.getBodyAsString());
      body.path("events").forEach(event -> ids.add(event.path("eventId").asText()));
      return ids;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
