package io.stockbridge.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.restassured.path.json.JsonPath;
import io.stockbridge.sandbox.warehouse.Accounts;
import io.stockbridge.sandbox.warehouse.StandardPartnerApi;
import io.stockbridge.sandbox.warehouse.WarehouseSandbox;
import io.stockbridge.testing.TestTokens;

/**
 * Rule CNT-1 across the real processes: a count started in inventory-service reaches a warehouse whose WMS takes
 * count requests (the sandbox's Standard Webhooks partner) through warehouse-gateway, and the partner's answer comes
 * back as the count's results. Both legs are refused and retried on the way (inventory -> gateway through the
 * outbox, gateway -> partner through the count-request sender, gateway -> inventory through the outbox), announced
 * twice, and answered twice and out of order: each count is asked once, applied once, and a report the ledger can
 * never take is a rejected event with the ledger's reason.
 */
class CountRequestSystemTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String INVENTORY_SERVICE = TestTokens.service("inventory-service");
  private static final String COUNT_REQUESTS = "/internal/v1/count-requests";

  private static Suite suite;
  private static WarehouseSandbox partner;
  /** What inventory-service believes is warehouse-gateway. */
  private static WireMockServer requestFront;
  /** What warehouse-gateway believes is inventory-service. */
  private static WireMockServer resultFront;
  private static ServiceProcess catalog;
  private static ServiceProcess inventory;
  private static ServiceProcess gateway;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = Suite.start("catalog", "inventory", "gateway");
    requestFront = front();
    resultFront = front();
    inventory = new ServiceProcess("inventory-service", suite.environment("STOCKBRIDGE_GATEWAY_URL",
        requestFront.baseUrl()), List.of()).launch();
    resultFront.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(inventory.url())));
    catalog = new ServiceProcess("catalog-service", suite.environment("STOCKBRIDGE_INVENTORY_URL", inventory.url()),
        List.of()).launch();
    partner = new WarehouseSandbox(Accounts.defaults()).start(0);
    gateway = new ServiceProcess("warehouse-gateway", suite.environment("STOCKBRIDGE_INVENTORY_URL",
        resultFront.baseUrl(), "STOCKBRIDGE_CATALOG_URL", catalog.url()),
        List.of("-Dstockbridge.gateway.count-requests.initial-backoff=200ms")).launch();
    requestFront.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(gateway.url())));
    for (ServiceProcess service : List.of(inventory, catalog, gateway)) {
      service.awaitReady();
    }
  }

  private static WireMockServer front() {
    WireMockServer front = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().containerThreads(16));
    front.start();
    return front;
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(gateway, catalog, inventory, requestFront, resultFront, partner, suite);
  }

  @Test
  void aCountIsAskedOfTheWarehouseOnceAndItsAnswerAppliedOnceDespiteRefusalsDuplicatesAndReordering_CNT1() {
    Seller alice = new Seller(ALICE, catalog, gateway);
    Seller.Warehouse warehouse = alice.countingWarehouse("COUNTING-WH",
        partner.baseUrl() + "/standard/count-requests");
    partner.standard().counting(new StandardPartnerApi.Counting(warehouse.secret(),
        gateway.url() + "/webhooks/" + warehouse.id(), false));
    alice.product("counted-product", List.of("CNT-A", "CNT-B"));
    alice.map("CNT-A", warehouse, "ITEM-A");
    alice.map("CNT-B", warehouse, "ITEM-B");
    assertThat(Seller.send(gateway, warehouse, "levels-a", Seller.levels("ITEM-A", 1, 100))).isEqualTo(202);
    assertThat(Seller.send(gateway, warehouse, "levels-b", Seller.levels("ITEM-B", 1, 30))).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> sellable("CNT-A") == 100 && sellable("CNT-B") == 30);
    // what the warehouse will find on its shelves: 2 of A gone (within the threshold), 10 of B gone (beyond it)
    partner.standard().put("ITEM-A", new ObjectMapper().createObjectNode().put("sellable", 98));
    partner.standard().put("ITEM-B", new ObjectMapper().createObjectNode().put("sellable", 20));

    // inventory -> gateway: the gateway refuses the first announcements (503), the outbox tries again
    StubMapping refused = requestFront.stubFor(post(urlPathEqualTo(COUNT_REQUESTS)).atPriority(1)
        .willReturn(aResponse().withStatus(503)));
    // gateway -> partner: the partner's WMS fails its first call
    partner.standard().faults().clear().failNext(1, 503);
    String countA = startCount(warehouse, "CNT-A");
    String countB = startCount(warehouse, "CNT-B");
    await().atMost(Duration.ofSeconds(30)).until(() -> requestFront.countRequestsMatching(
        postRequestedFor(urlPathEqualTo(COUNT_REQUESTS)).build()).getCount() >= 2);
    requestFront.removeStub(refused);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(partner.standard().countRequests().keySet())
        .as(() -> "how far the announcements got: " + announcements()).containsAll(List.of(countA, countB)));
    await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(countA).equals("SENT")
        && statusOf(countB).equals("SENT"));

    // the WMS processed the call it failed (its answer was lost): that count was asked twice under one webhook-id,
    // which the partner recognises as one; each count otherwise once
    int askedA = partner.standard().countRequests().get(countA).received().get();
    int askedB = partner.standard().countRequests().get(countB).received().get();
    assertThat(askedA + askedB).isEqualTo(3);
    assertThat(List.of(askedA, askedB)).containsExactlyInAnyOrder(1, 2);

    // the outbox announces count A once more (its acknowledgement lost): still one request, not asked again
    JsonPath again = Suite.as(INVENTORY_SERVICE, gateway).header("Stockbridge-Seller-Id", "seller-a")
        .body("{\"countId\": \"" + countA + "\", \"warehouseId\": \"" + warehouse.id()
            + "\", \"sellerSkus\": [\"CNT-A\"]}")
        .post(COUNT_REQUESTS).then().statusCode(200).extract().jsonPath();
    assertThat(again.getString("status")).isEqualTo("SENT");
    assertThat(partner.standard().countRequests().get(countA).received().get()).isEqualTo(askedA);
    assertThat(partner.standard().countRequests().get(countA).itemIds()).containsExactly("ITEM-A");
    assertThat(partner.standard().calls()).as("two requests, one of them once more after the WMS failed").isEqualTo(3);

    // gateway -> inventory: the ledger refuses the first result deliveries; the partner answers B before A, twice each
    StubMapping resultsRefused = resultFront.stubFor(post(urlPathMatching("/internal/v1/counts/.+/results"))
        .atPriority(1).willReturn(aResponse().withStatus(503)));
    partner.standard().complete(countB, 2).forEach(delivery -> assertThat(delivery.status()).isIn(200, 202));
    partner.standard().complete(countA, 2).forEach(delivery -> assertThat(delivery.status()).isIn(200, 202));
    await().atMost(Duration.ofSeconds(30)).until(() -> resultFront.countRequestsMatching(
        postRequestedFor(urlPathMatching("/internal/v1/counts/.+/results")).build()).getCount() >= 2);
    resultFront.removeStub(resultsRefused);

    await().atMost(Duration.ofSeconds(60)).until(() -> count(countA).getString("status").equals("APPLIED")
        && count(countB).getString("status").equals("PENDING_APPROVAL"));
    assertThat(count(countA).getLong("lines[0].variance")).isEqualTo(-2);
    assertThat(count(countB).getLong("lines[0].variance")).as("beyond the threshold: waits for a seller-admin")
        .isEqualTo(-10);
    assertThat(sellable("CNT-B")).isEqualTo(30);
    Suite.as(ALICE, inventory).post("/v1/counts/{id}/approval", countB).then().statusCode(200);

    assertThat(sellable("CNT-A")).isEqualTo(98);
    assertThat(sellable("CNT-B")).isEqualTo(20);
    assertThat(countMovements("CNT-A")).as("applied once, however often it was answered").isEqualTo(1);
    assertThat(countMovements("CNT-B")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> events(warehouse, "APPLIED") >= 4);

    // a report the ledger can never take (a count it does not know) is final: a rejected event with its reason
    String unknown = UUID.randomUUID().toString();
    assertThat(Seller.send(gateway, warehouse, "report-of-nothing", "{\"type\": \"count.completed\", \"data\": "
        + "{\"countId\": \"" + unknown + "\", \"items\": [{\"itemId\": \"ITEM-A\", \"counted\": 1}]}}")).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> events(warehouse, "REJECTED") == 1);
    String reason = Suite.as(ALICE, gateway).queryParam("status", "REJECTED")
        .get("/v1/warehouses/{id}/events", warehouse.id()).then().statusCode(200).extract().path("items[0].reason");
    assertThat(reason).contains("404").contains(unknown);
    assertThat(sellable("CNT-A")).isEqualTo(98);
  }

  private static String startCount(Seller.Warehouse warehouse, String sku) {
    return Suite.as(ALICE, inventory).body("{\"warehouseId\": \"" + warehouse.id() + "\", \"sellerSkus\": [\"" + sku
        + "\"]}").post("/v1/counts").then().statusCode(201).extract().path("id");
  }

  /** Both legs as the services recorded them, for a failure's message. */
  private static String announcements() {
    return "inventory outbox " + suite.rows("inventory", "select status, attempts, available_at, claimed_until, last_error "
        + "from outbox_event where path = '" + COUNT_REQUESTS + "'") + ", gateway " + suite.rows("gateway",
        "select id, status, attempts, next_attempt_at, claimed_until, reason from count_request") + ", partner calls "
        + partner.standard().calls() + ", now " + java.time.OffsetDateTime.now();
  }

  private static String statusOf(String countId) {
    List<Object> statuses = Suite.as(ALICE, gateway).get("/v1/count-requests").then().statusCode(200).extract()
        .jsonPath().getList("items.findAll { it.countId == '" + countId + "' }.status");
    return statuses.isEmpty() ? "" : String.valueOf(statuses.get(0));
  }

  private static JsonPath count(String countId) {
    return Suite.as(ALICE, inventory).get("/v1/counts/{id}", countId).then().statusCode(200).extract().jsonPath();
  }

  private static long sellable(String sku) {
    List<List<String>> rows = suite.rows("inventory", "select unreserved + reserved from stock_balance where "
        + "seller_id = 'seller-a' and seller_sku = '" + sku + "'");
    return rows.isEmpty() ? -1 : Long.parseLong(rows.get(0).get(0));
  }

  private static long countMovements(String sku) {
    return Long.parseLong(suite.rows("inventory", "select count(*) from stock_movement where source = 'COUNT' "
        + "and seller_sku = '" + sku + "'").get(0).get(0));
  }

  private static int events(Seller.Warehouse warehouse, String status) {
    return Suite.as(ALICE, gateway).queryParam("status", status).queryParam("limit", 100)
        .get("/v1/warehouses/{id}/events", warehouse.id()).then().statusCode(200).extract().jsonPath()
        .getList("items").size();
  }
}
