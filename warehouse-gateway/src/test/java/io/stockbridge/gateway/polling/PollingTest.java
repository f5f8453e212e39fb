package io.stockbridge.gateway.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.SandboxCredentials;
import io.stockbridge.gateway.WarehouseSandboxResource.InjectSandbox;
import io.stockbridge.gateway.polling.service.PollReport;
import io.stockbridge.gateway.polling.service.PollScheduler;
import io.stockbridge.gateway.webhook.service.InboxProcessor;
import io.stockbridge.sandbox.warehouse.WarehouseSandbox;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Polled warehouses against the warehouse sandbox (the partners' field names, signatures, paging and limits),
 * catalog-service played by a stub that lists the mapped items.
 */
@QuarkusTest
class PollingTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final ObjectMapper JSON = new ObjectMapper();

  @InjectSandbox
  WarehouseSandbox sandbox;

  @InjectDestination
  WireMockServer services;

  @Inject
  PollScheduler scheduler;

  @Inject
  InboxProcessor processor;

  @Inject
  Pool pool;

  @BeforeEach
  void onlyThisTestsWarehousesAreDue() {
    sandbox.reset();
    pool.query("update warehouse_connection set next_poll_at = now() + interval '1 day' "
        + "where poll_interval_seconds is not null").execute().await().indefinitely();
    services.stubFor(get(urlPathMatching("/internal/v1/warehouse-items/[^/]+")).atPriority(10)
        .willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
  }

  private static String connect(String adapter, String credentialsField) {
    return as(ALICE).body("{\"code\": \"PL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"Polled\", \"country\": \"US\", \"adapter\": \"" + adapter + "\", \"apiReady\": true,"
            + " \"pollIntervalSeconds\": 300" + credentialsField + "}")
        .post("/v1/warehouses").then().statusCode(201).extract().path("id");
  }

  private static String connect(String adapter) {
    return connect(adapter, SandboxCredentials.field(adapter));
  }

  /** catalog-service's answer: these partner items are mapped to these SKUs. */
  private void mapItems(String warehouseId, Map<String, String> itemToSku) {
    List<Map<String, String>> items = new ArrayList<>();
    itemToSku.forEach((item, sku) -> items.add(Map.of("wmsItemId", item, "sellerSku", sku)));
    try {
      services.stubFor(get(urlPathEqualTo("/internal/v1/warehouse-items/" + warehouseId)).atPriority(1)
          .willReturn(okJson(JSON.writeValueAsString(Map.of("items", items)))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T await(Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls what is due and returns this warehouse's report (null when it was not due). */
  private PollReport poll(String warehouseId) {
    return await(() -> scheduler.pollDue()).stream()
        .filter(report -> report.warehouseId().toString().equals(warehouseId)).findFirst().orElse(null);
  }

  private static void makeDue(String warehouseId) {
    as(ALICE).post("/v1/warehouses/{id}/poll", warehouseId).then().statusCode(202);
  }

  private void process() {
    while (await(() -> processor.processReceived()) > 0) {
      // until the inbox is worked off
    }
  }

  /** The snapshots queued for the ledger from this warehouse, by seller SKU, oldest first. */
  private Map<String, List<JsonPath>> snapshots(String warehouseId) {
    Map<String, List<JsonPath>> bySku = new LinkedHashMap<>();
    pool.preparedQuery("select payload from outbox_event where destination = 'inventory-service' and payload like $1 "
            + "order by created_at").execute(Tuple.of("%" + warehouseId + "%")).await().indefinitely()
        .forEach(row -> {
          JsonPath snapshot = new JsonPath(row.getString("payload"));
          bySku.computeIfAbsent(snapshot.getString("sellerSku"), sku -> new ArrayList<>()).add(snapshot);
        });
    return bySku;
  }

  private Row warehouse(String warehouseId) {
    return pool.preparedQuery("select * from warehouse_connection where id = $1")
        .execute(Tuple.of(UUID.fromString(warehouseId))).await().indefinitely().iterator().next();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aWinitWarehouseIsPolledWithSignedRequestsAndItsStorageReachesTheLedger_WH1() {
    String warehouseId = connect("WINIT");
    String version = sandbox.winit().put("W-1", json("""
        {"qtyAvailable": 10, "qtyWaitOut": 2, "qtyFrozen": 1, "qtyLostConfirming": 1, "qtyDestruction": 0,
         "prohibitFrozenQty": 0, "prohibitUsableQty": 1, "pipelineInventory": 5, "preSaleWaitOutQty": 3}""")).path("version").asText();
    sandbox.winit().put("W-RET", json("{\"qtyAvailable\": 3, \"isReturnInventory\": \"Y\"}"));
    sandbox.winit().put("W-STRAY", json("{\"qtyAvailable\": 7}"));
    mapItems(warehouseId, Map.of("W-1", "SKU-W1", "W-RET", "SKU-WR", "W-GONE", "SKU-WG"));

    PollReport report = poll(warehouseId);
    assertThat(report.succeeded()).as(String.valueOf(report.error())).isTrue();
    assertThat(report.stored()).isEqualTo(2);
    assertThat(report.note()).contains("not mapped to a SKU: W-STRAY").contains("did not report: W-GONE");
    as(ALICE).get("/v1/warehouses/{id}", warehouseId).then().statusCode(200)
        .body("syncState", equalTo("FRESH")).body("polling.lastSuccessfulPollAt", notNullValue())
        .body("polling.nextPollAt", notNullValue()).body("polling.note", containsString("W-STRAY"));

    process();
    Map<String, List<JsonPath>> snapshots = snapshots(warehouseId);
    assertThat(snapshots.keySet()).containsExactlyInAnyOrder("SKU-W1", "SKU-WR");
    JsonPath w1 = snapshots.get("SKU-W1").get(0);
    assertThat(w1.getLong("snapshot.sellable")).isEqualTo(12);
    assertThat(w1.getLong("snapshot.frozen")).isEqualTo(3);
    assertThat(w1.getLong("snapshot.inTransit")).isEqualTo(5);
    assertThat(w1.getLong("snapshot.qc")).isZero();
    assertThat(w1.getString("sequence")).isEqualTo(version);
    // returned goods wait in qc until inspected (STK-3)
    JsonPath returns = snapshots.get("SKU-WR").get(0);
    assertThat(returns.getLong("snapshot.qc")).isEqualTo(3);
    assertThat(returns.getLong("snapshot.sellable")).isZero();
  }

  @Test
  void anUnchangedWinitItemIsStoredOnceAndANewerVersionFollowsIt() {
    String warehouseId = connect("WINIT");
    sandbox.winit().put("W-V", json("{\"qtyAvailable\": 4}"));
    mapItems(warehouseId, Map.of("W-V", "SKU-V"));
    assertThat(poll(warehouseId).stored()).isEqualTo(1);
    process();
    assertThat(poll(warehouseId)).as("not due again before its interval").isNull();
    makeDue(warehouseId);
    assertThat(poll(warehouseId).stored()).isZero();
    sandbox.winit().put("W-V", json("{\"qtyAvailable\": 9}"));
    makeDue(warehouseId);
    assertThat(poll(warehouseId).stored()).isEqualTo(1);

    process();
    List<JsonPath> readings = snapshots(warehouseId).get("SKU-V");
    assertThat(readings).hasSize(2);
    assertThat(readings.get(1).getLong("snapshot.sellable")).isEqualTo(9);
    assertThat(new java.math.BigInteger(readings.get(1).getString("sequence")))
        .isGreaterThan(new java.math.BigInteger(readings.get(0).getString("sequence")));
  }

  @Test
  void fourPxIsAskedForAtMost100SkusACallAndBatchesAreSummedByQuality() {
    String warehouseId = connect("FOURPX");
    Map<String, String> mapped = new LinkedHashMap<>();
    for (int i = 0; i < 150; i++) {
      mapped.put(String.format("F-%03d", i), String.format("SKU-F%03d", i));
    }
    mapItems(warehouseId, mapped);
    sandbox.fourPx().put("F-001", json("""
        [{"available_stock": 4, "pending_stock": 1, "onway_stock": 2, "stock_quality": "G"},
         {"available_stock": 3, "stock_quality": "B"}]"""));
    sandbox.fourPx().put("F-002", json("{\"available_stock\": 6}"));
    sandbox.fourPx().put("F-STRAY", json("{\"available_stock\": 1}"));

    PollReport report = poll(warehouseId);
    assertThat(report.succeeded()).as(String.valueOf(report.error())).isTrue();
    assertThat(report.stored()).isEqualTo(150);
    assertThat(sandbox.fourPx().calls()).isEqualTo(2);
    assertThat(json(sandbox.fourPx().lastRequest()).path("lstsku")).hasSize(50);

    process();
    Map<String, List<JsonPath>> snapshots = snapshots(warehouseId);
    assertThat(snapshots).hasSize(150);
    JsonPath f1 = snapshots.get("SKU-F001").get(0);
    assertThat(f1.getLong("snapshot.sellable")).isEqualTo(5);
    assertThat(f1.getLong("snapshot.frozen")).isEqualTo(3);
    assertThat(f1.getLong("snapshot.inTransit")).isEqualTo(2);
    assertThat(snapshots.get("SKU-F002").get(0).getLong("snapshot.sellable")).isEqualTo(6);
    // asked for and absent: the warehouse holds none, so a sold-out SKU reaches zero
    JsonPath none = snapshots.get("SKU-F099").get(0);
    assertThat(List.of(none.getLong("snapshot.sellable"), none.getLong("snapshot.frozen"),
        none.getLong("snapshot.inTransit"))).containsOnly(0L);
  }

  @Test
  void fourPxRateLimitLeavesThePartnerAloneForAMinuteWithoutRetrying() {
    String warehouseId = connect("FOURPX");
    mapItems(warehouseId, Map.of("F-RL", "SKU-RL"));
    sandbox.fourPx().faults().rateLimitNext(1);
    OffsetDateTime before = OffsetDateTime.now();

    PollReport report = poll(warehouseId);
    assertThat(report.succeeded()).isFalse();
    assertThat(report.error()).contains("000017");
    assertThat(sandbox.fourPx().calls()).as("a rate limit is not retried at once").isEqualTo(1);
    Row row = warehouse(warehouseId);
    assertThat(row.getOffsetDateTime("next_poll_at")).isBetween(before.plusSeconds(55), before.plusSeconds(70));
    assertThat(row.getInteger("poll_failures")).isEqualTo(1);
    as(ALICE).get("/v1/warehouses/{id}", warehouseId).then().body("polling.lastError", containsString("000017"))
        .body("polling.consecutiveFailures", equalTo(1)).body("syncState", equalTo("NEVER"));
    assertThat(poll(warehouseId)).isNull();

    makeDue(warehouseId);
    assertThat(poll(warehouseId).succeeded()).isTrue();
    assertThat(warehouse(warehouseId).getInteger("poll_failures")).isZero();
  }

  @Test
  void aFailingWarehouseOpensItsOwnBreakerAndTheOthersKeepSyncing() {
    String failing = connect("WINIT");
    String healthy = connect("SHIPBOB");
    mapItems(failing, Map.of("W-X", "SKU-X"));
    mapItems(healthy, Map.of("77001", "SKU-SB"));
    sandbox.shipBob().put("77001", json("{\"total_on_hand_quantity\": 5}"));
    sandbox.winit().faults().failNext(1000, 503);

    assertThat(poll(failing).error()).contains("503");
    assertThat(sandbox.winit().calls()).as("the first try and two retries").isEqualTo(3);
    makeDue(failing);
    makeDue(healthy);
    PollReport second = poll(failing);
    assertThat(sandbox.winit().calls()).as("the fourth failure opens the breaker").isEqualTo(4);
    assertThat(second.error()).contains("circuit breaker is open");
    makeDue(failing);
    assertThat(poll(failing).error()).contains("circuit breaker is open");
    assertThat(sandbox.winit().calls()).as("an open breaker calls nobody").isEqualTo(4);
    assertThat(warehouse(failing).getOffsetDateTime("next_poll_at")).isAfter(OffsetDateTime.now().plusMinutes(4));

    makeDue(healthy);
    PollReport other = poll(healthy);
    assertThat(other.succeeded()).isTrue();
    assertThat(warehouse(healthy).getOffsetDateTime("last_successful_poll_at")).isNotNull();
  }

  @Test
  void shipBobIsPolledPageByPageWithItsTokenAndUnmappedItemsAreNamed_WH3() {
    String warehouseId = connect("SHIPBOB");
    for (int i = 1; i <= 300; i++) {
      sandbox.shipBob().put(Integer.toString(50_000 + i), json("{\"total_on_hand_quantity\": " + i + "}"));
    }
    mapItems(warehouseId, Map.of("50001", "SKU-SB1", "50300", "SKU-SB300"));
    PollReport report = poll(warehouseId);
    assertThat(report.succeeded()).as(String.valueOf(report.error())).isTrue();
    assertThat(report.stored()).isEqualTo(2);
    assertThat(sandbox.shipBob().calls()).isEqualTo(2);
    assertThat(report.note()).startsWith("298 item(s) the warehouse holds are not mapped to a SKU: 50002, ");
    process();
    assertThat(snapshots(warehouseId).get("SKU-SB300").get(0).getLong("snapshot.sellable")).isEqualTo(300);
  }

  @Test
  void credentialsThatCannotBeOpenedFailOnlyTheirOwnWarehouse() {
    String broken = connect("WINIT");
    String healthy = connect("SHIPBOB");
    mapItems(healthy, Map.of("66001", "SKU-H"));
    sandbox.shipBob().put("66001", json("{\"total_on_hand_quantity\": 2}"));
    pool.preparedQuery("update warehouse_connection set credentials = 'retired-key:AAAA' where id = $1")
        .execute(Tuple.of(UUID.fromString(broken))).await().indefinitely();
    List<PollReport> reports = await(() -> scheduler.pollDue());
    assertThat(reports).filteredOn(r -> r.warehouseId().toString().equals(broken)).singleElement()
        .satisfies(r -> assertThat(r.error()).contains("stored credentials cannot be opened"));
    assertThat(reports).filteredOn(r -> r.warehouseId().toString().equals(healthy)).singleElement()
        .satisfies(r -> assertThat(r.succeeded()).isTrue());
    assertThat(sandbox.winit().calls()).isZero();
  }

  @Test
  void wrongCredentialsAreNotRetriedAndSayWhy() {
    String warehouseId = connect("WINIT", SandboxCredentials.field("WINIT").replace("sandbox-winit-token", "wrong"));
    mapItems(warehouseId, Map.of("W-1", "SKU-1"));
    PollReport report = poll(warehouseId);
    assertThat(report.error()).contains("SIGN_INVALID");
    assertThat(sandbox.winit().calls()).isEqualTo(1);
  }

  @Test
  void aPartnerSlowerThanThePollTimeoutFailsThePollInTime() {
    String warehouseId = connect("SHIPBOB");
    mapItems(warehouseId, Map.of("88001", "SKU-SLOW"));
    sandbox.shipBob().faults().delay(Duration.ofMillis(2500));
    PollReport report = poll(warehouseId);
    assertThat(report.error()).contains("did not answer within 2 s");
    assertThat(warehouse(warehouseId).getString("last_poll_error")).contains("did not answer");
  }
}
