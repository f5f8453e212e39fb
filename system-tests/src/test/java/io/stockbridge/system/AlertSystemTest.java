package io.stockbridge.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.stockbridge.testing.TestTokens;

/**
 * Rule WH-2 across the real processes: warehouse-gateway tells inventory-service's alert feed, through its outbox,
 * that a warehouse stopped sending data, and that it sends again. The feed refuses the first report (the outbox
 * retries it), and receives a report twice and an old one after a newer: one alert, opened once and resolved once.
 */
class AlertSystemTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String GATEWAY_SERVICE = TestTokens.service("warehouse-gateway");
  private static final String ALERTS = "/internal/v1/alerts";

  private static Suite suite;
  /** What warehouse-gateway believes is inventory-service. */
  private static WireMockServer front;
  private static ServiceProcess inventory;
  private static ServiceProcess gateway;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = Suite.start("inventory", "gateway");
    front = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().containerThreads(16));
    front.start();
    inventory = new ServiceProcess("inventory-service", suite.environment(), List.of()).launch();
    front.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(inventory.url())));
    gateway = new ServiceProcess("warehouse-gateway", suite.environment("STOCKBRIDGE_INVENTORY_URL", front.baseUrl()),
        List.of("-Dstockbridge.alerts.reporting.interval=1s", "-Dstockbridge.gateway.staleness.api-after=3s"))
        .launch();
    inventory.awaitReady();
    gateway.awaitReady();
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(gateway, inventory, front, suite);
  }

  @Test
  void aWarehouseThatStopsSendingIsOneAlertOpenedAndResolvedOnceDespiteRefusalsRepeatsAndReordering_WH2() {
    Seller alice = new Seller(ALICE, null, gateway);
    Seller.Warehouse warehouse = alice.webhookWarehouse("QUIET-WH");
    StubMapping refused = front.stubFor(post(urlPathEqualTo(ALERTS)).atPriority(1)
        .willReturn(aResponse().withStatus(503)));
    assertThat(Seller.send(gateway, warehouse, "levels-1", "{\"type\": \"inventory.levels\", \"data\": []}"))
        .isEqualTo(202);

    // three seconds without data: stale; the feed refuses the first report, the outbox tries again
    await().atMost(Duration.ofSeconds(30)).until(() -> !reportsOf(warehouse).isEmpty());
    front.removeStub(refused);
    await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(warehouse).equals("OPEN"));
    LoggedRequest raised = reportsOf(warehouse).get(0);

    // the same report again (its acknowledgement lost): nothing new
    assertThat(replay(raised)).isEqualTo("IGNORED");
    assertThat(alertsOf(warehouse)).hasSize(1);

    // data again: the gateway clears it
    assertThat(Seller.send(gateway, warehouse, "levels-2", "{\"type\": \"inventory.levels\", \"data\": []}"))
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(warehouse).equals("RESOLVED"));

    // the old raise arrives after the clear: it reopens nothing
    assertThat(replay(raised)).isEqualTo("IGNORED");
    assertThat(alertsOf(warehouse)).hasSize(1).allSatisfy(alert -> assertThat(alert.get("status"))
        .isEqualTo("RESOLVED"));
    assertThat(alertsOf(warehouse).get(0).get("raisedBy")).isEqualTo("warehouse-gateway");
  }

  private static List<LoggedRequest> reportsOf(Seller.Warehouse warehouse) {
    return front.findAll(postRequestedFor(urlPathEqualTo(ALERTS))).stream()
        .filter(request -> request.getBodyAsString().contains(warehouse.id())
            && request.getBodyAsString().contains("\"RAISED\""))
        .toList();
  }

  private static String replay(LoggedRequest report) {
    return Suite.as(GATEWAY_SERVICE, inventory).header("Stockbridge-Seller-Id", "seller-a")
        .body(report.getBodyAsString()).post(ALERTS).then().statusCode(200).extract().path("outcome");
  }

  private static List<Map<String, Object>> alertsOf(Seller.Warehouse warehouse) {
    return Suite.as(ALICE, inventory).queryParam("type", "WAREHOUSE_STALE").queryParam("warehouseId", warehouse.id())
        .get("/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items");
  }

  private static String statusOf(Seller.Warehouse warehouse) {
    List<Map<String, Object>> alerts = alertsOf(warehouse);
    return alerts.isEmpty() ? "" : String.valueOf(alerts.get(alerts.size() - 1).get("status"));
  }
}
