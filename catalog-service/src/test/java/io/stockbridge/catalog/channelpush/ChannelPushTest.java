package io.stockbridge.catalog.channelpush;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stockbridge.catalog.ChannelSandboxResource.InjectChannel;
import io.stockbridge.catalog.SandboxConsent;
import io.stockbridge.catalog.TestImages;
import io.stockbridge.catalog.listing.service.StockPrecision;
import io.stockbridge.sandbox.channel.ChannelSandbox;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ledger's quantities to the channel: coalesced bursts, waiting through a revoked authorisation and resuming
 * after it (CH-3), an unauthorised app reported as such (CH-4), the channel's range.
 */
@QuarkusTest
class ChannelPushTest {
  private static final String INVENTORY = TestTokens.service("inventory-service");
  private static final String CHANNEL_WAREHOUSE_1 = "7100000000000001";
  private static final String CHANNEL_WAREHOUSE_2 = "7100000000000002";

  @InjectChannel
  ChannelSandbox channel;

  @InjectDestination
  WireMockServer services;

  @Inject
  Pool pool;

  private final String seller = "seller-" + UUID.randomUUID();
  private final String admin = TestTokens.seller(seller, "seller-admin");
  private final String sku = "PUSH-" + UUID.randomUUID().toString().substring(0, 8);
  private String connection;
  private String channelProduct;
  private String channelSku;
  private String listing;

  @Inject
  StockPrecision precision;

  @Inject
  io.stockbridge.catalog.channelpush.service.ChannelPushRetention retention;

  @BeforeEach
  void liveListing() throws Exception {
    connection = SandboxConsent.connect(admin);
    channel.webhooks().url("http://localhost:" + io.restassured.RestAssured.port + "/webhooks/channel/" + connection);
    services.stubFor(post(urlEqualTo("/v1/checks")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"" + UUID.randomUUID() + "\",\"market\":\"US\",\"compliant\":true,\"ruleVersion\":1,"
            + "\"failures\":[],\"warnings\":[],\"checkedBy\":\"catalog-service\"}")));
    String product = as(admin).body("""
        {"titles": {"en": "Wireless earbuds with charging case"}, "category": "Electronics/Audio", "originCountry": "CN",
         "manufacturer": {"name": "Acme Audio Ltd", "registeredAddress": "1 Keji Road, Shenzhen, CN"},
         "skus": [{"sellerSku": "%s"}]}""".formatted(sku)).post("/v1/products").then().statusCode(201)
        .extract().path("id");
    for (int i = 0; i < 3; i++) {
      as(admin).contentType("image/png").body(TestImages.png(1080, 1080, TestImages.WHITE))
          .post("/v1/products/{id}/images", product).then().statusCode(201);
    }
    listing = as(admin).body("{\"productId\":\"" + product + "\",\"connectionId\":\"" + connection
        + "\",\"market\":\"US\"}").post("/v1/listings").then().statusCode(201).extract().path("id");
    var published = as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200).extract();
    channelProduct = published.path("channelProductId");
    channelSku = published.path("channelSkus." + sku);
    given().contentType(ContentType.JSON).body("{\"result\":\"PASSED\"}")
        .post(channel.baseUrl() + "/sandbox/channel/products/" + channelProduct + "/audit").then().statusCode(200);
    as(admin).get("/v1/listings/{id}", listing).then().body("status", equalTo("LIVE"));
    for (String[] pair : List.of(new String[] {"WH-1", CHANNEL_WAREHOUSE_1}, new String[] {"WH-2", CHANNEL_WAREHOUSE_2})) {
      as(admin).body("{\"channelWarehouseId\":\"" + pair[1] + "\"}")
          .put("/v1/channel-connections/{id}/warehouses/{warehouse}", connection, pair[0]).then().statusCode(200);
    }
  }

  @AfterEach
  void restore() {
    channel.webhooks().url(null);
    channel.shop(ChannelSandbox.DEFAULT_SHOP).appUnauthorized(false);
    services.resetAll();
  }

  private void report(String warehouse, long available, long version) {
    as(INVENTORY).header("Stockbridge-Seller-Id", seller).body("{\"sellerSku\":\"" + sku + "\",\"warehouseId\":\""
        + warehouse + "\",\"available\":" + available + ",\"sellable\":" + available + ",\"reserved\":0,\"version\":"
        + version + ",\"changedAt\":\"" + Instant.now() + "\"}").post("/internal/v1/channel-stock").then()
        .statusCode(200);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> channelQuantities() {
    Map<String, Object> described = channel.products().find(channelProduct).describe();
    List<Map<String, Object>> skus = (List<Map<String, Object>>) described.get("skus");
    return (Map<String, Object>) skus.stream().filter(s -> channelSku.equals(s.get("id"))).findFirst().orElseThrow()
        .get("inventory");
  }

  private int inventoryCalls() {
    return (Integer) channel.products().find(channelProduct).describe().get("inventory_update_calls");
  }

  private long rows(String status) {
    return pool.preparedQuery("select count(*) from channel_push where connection_id = $1 and status = $2")
        .execute(Tuple.of(UUID.fromString(connection), status)).await().indefinitely().iterator().next().getLong(0);
  }

  @Test
  void aBatchOfReportsQueuesTheNewestQuantityPerMappedWarehouseAndTheChannelShowsIt() {
    String report = "{\"eventId\":\"%s\",\"sellerId\":\"" + seller + "\",\"payload\":{\"sellerSku\":\"" + sku
        + "\",\"warehouseId\":\"%s\",\"available\":%d,\"sellable\":%d,\"reserved\":0,\"version\":%d,"
        + "\"changedAt\":\"" + Instant.now() + "\"}}";
    // WH-1 twice (the newer version wins whatever the order), WH-2 beyond the channel's range, WH-9 mapped nowhere
    String batch = "{\"events\":[" + String.join(",", report.formatted("b1", "WH-1", 31, 31, 12),
        report.formatted("b2", "WH-1", 20, 20, 11), report.formatted("b3", "WH-2", 150_000, 150_000, 4),
        report.formatted("b4", "WH-9", 5, 5, 1)) + "]}";
    as(INVENTORY).body(batch).post("/internal/v1/channel-stock/batch").then().statusCode(200)
        .body("results.status", org.hamcrest.Matchers.contains(200, 200, 200, 200));
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(channelQuantities())
        .containsEntry(CHANNEL_WAREHOUSE_1, 31).containsEntry(CHANNEL_WAREHOUSE_2, 99_999));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rows("PENDING") == 0);
    assertThat(rows("PUSHED")).as("one push per mapped warehouse; WH-9 has no channel warehouse").isEqualTo(2);
    // the same batch again (its acknowledgement lost) is older than what is stored: nothing more is queued
    as(INVENTORY).body(batch).post("/internal/v1/channel-stock/batch").then().statusCode(200);
    assertThat(rows("PENDING") + rows("PUSHED")).isEqualTo(2);

    // past the retention the pushed quantities go; a pending one never does
    report("WH-1", 32, 13);
    retention.purgeSettledBefore(java.time.OffsetDateTime.now().plusMinutes(1)).await().atMost(Duration.ofSeconds(10));
    assertThat(rows("PUSHED")).isZero();
    assertThat(rows("PENDING") + rows("PUSHED")).isLessThanOrEqualTo(1);
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(channelQuantities())
        .containsEntry(CHANNEL_WAREHOUSE_1, 32));
  }

  @Test
  void fiftyChangesInABurstEndAsTheNewestValueInFarFewerCalls() throws Exception {
    int before = inventoryCalls();
    // a burst: the ledger's outbox delivers the changes side by side, as it does under load
    java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
      for (int version = 1; version <= 50; version++) {
        long v = version;
        sent.add(senders.submit(() -> report("WH-1", 100 + v, v)));
      }
      for (java.util.concurrent.Future<?> each : sent) {
        each.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdown();
    }
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(channelQuantities()).containsEntry(CHANNEL_WAREHOUSE_1, 150));
    Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> rows("PENDING") == 0);
    int calls = inventoryCalls() - before;
    System.out.printf("Coalescing: 50 stock changes reached the channel in %d inventory update calls%n", calls);
    assertThat(calls).isBetween(1, 10);
    assertThat(channelQuantities()).containsEntry(CHANNEL_WAREHOUSE_1, 150);
  }

  @Test
  void pushesWaitWhileTheSellerMustReauthoriseAndThenGoOnceEach_CH3() throws Exception {
    given().post(channel.baseUrl() + "/sandbox/channel/shops/" + ChannelSandbox.DEFAULT_SHOP + "/revoke").then()
        .statusCode(200);
    report("WH-1", 30, 1);
    report("WH-2", 12, 1);
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(admin)
        .get("/v1/channel-connections/{id}", connection).then().body("status", equalTo("REAUTHORIZATION_REQUIRED")));
    report("WH-1", 25, 2); // a newer value while waiting replaces the queued one
    // for two seconds of pusher rounds, both quantities stay queued and the channel hears nothing
    Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> rows("PENDING") == 2 && channelQuantities().isEmpty());

    String url = as(admin).post("/v1/channel-connections/{id}/reauthorize", connection).then().statusCode(200)
        .extract().path("authorizationUrl");
    SandboxConsent.complete(url);
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(channelQuantities())
        .containsEntry(CHANNEL_WAREHOUSE_1, 25).containsEntry(CHANNEL_WAREHOUSE_2, 12));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rows("PENDING") == 0);
    assertThat(rows("PUSHED")).isEqualTo(2);
  }

  @Test
  void anUnauthorisedAppStopsPushesAndIsReportedAsUnauthorizedChannel_CH4() {
    channel.shop(ChannelSandbox.DEFAULT_SHOP).appUnauthorized(true);
    report("WH-1", 7, 1);
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(admin)
        .get("/v1/channel-connections/{id}", connection).then().body("status", equalTo("UNAUTHORIZED_CHANNEL"))
        .body("statusReason", org.hamcrest.Matchers.containsString("UNAUTHORIZED_CHANNEL")));
    assertThat(rows("PENDING")).isEqualTo(1);
    // and the seller is told: the alert feed hears of it once
    assertThat(io.stockbridge.testing.AlertReports.reportedOf(connection)).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo("CHANNEL_UNAUTHORIZED");
      assertThat(alert.state()).isEqualTo(io.stockbridge.platform.alert.AlertReport.State.RAISED);
      assertThat(alert.summary()).contains("403 UNAUTHORIZED_CHANNEL");
    });
    assertThat(io.stockbridge.testing.AlertReports.reportedOf(connection)).isEmpty();
  }

  private int checkPrecision() throws Throwable {
    pool.preparedQuery("update listing set precision_checked_at = null where id = $1")
        .execute(Tuple.of(UUID.fromString(listing))).await().indefinitely();
    return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> precision.checkDue());
  }

  private void channelCounts(int quantity) {
    given().contentType(ContentType.JSON).body("{\"skuId\":\"" + channelSku + "\",\"warehouseId\":\""
        + CHANNEL_WAREHOUSE_1 + "\",\"quantity\":" + quantity + "}")
        .post(channel.baseUrl() + "/sandbox/channel/products/" + channelProduct + "/inventory").then().statusCode(200);
  }

  @Test
  void driftBeyondFiveUnitsDelistsUnderTheDelistingLockUntilRecalibrated_LST5_INV1() throws Throwable {
    report("WH-1", 30, 1);
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(channelQuantities()).containsEntry(CHANNEL_WAREHOUSE_1, 30));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rows("PENDING") == 0);

    channelCounts(25); // exactly the tolerance: still precise
    assertThat(checkPrecision()).isZero();
    as(admin).get("/v1/listings/{id}", listing).then().body("status", equalTo("LIVE"));

    channelCounts(24); // six apart
    // INV-1: while the channel's delist call is in flight, the listing is DELISTING and holds the delisting lock
    channel.faults().lateAnswerNext("/product/202309/products/deactivate", 1, Duration.ofSeconds(2));
    java.util.concurrent.CompletableFuture<Integer> check = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return checkPrecision();
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    });
    Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
        as(admin).get("/v1/listings/{id}", listing).then().body("status", equalTo("DELISTING")));
    assertThat(lockStates("delisting")).containsExactly("true");
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(409)
        .body("code", equalTo("LISTING_BEING_DELISTED"));
    assertThat(check.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(lockStates("delisting")).containsExactly("false");
    as(admin).get("/v1/listings/{id}", listing).then().body("status", equalTo("DELISTED"))
        .body("recalibrationRequired", equalTo(true))
        .body("failures[0].code", equalTo("stock_drift"))
        .body("stockDrift[0].channelQuantity", equalTo(24)).body("stockDrift[0].ledgerQuantity", equalTo(30));
    assertThat(channel.products().find(channelProduct).describe()).containsEntry("status", "SELLER_DEACTIVATED");
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(409)
        .body("code", equalTo("RECALIBRATION_REQUIRED"));

    as(admin).post("/v1/listings/{id}/recalibration", listing).then().statusCode(200)
        .body("recalibrationRequired", equalTo(false));
    assertThat(channelQuantities()).containsEntry(CHANNEL_WAREHOUSE_1, 30);
    as(admin).post("/v1/listings/{id}/recalibration", listing).then().statusCode(409)
        .body("code", equalTo("NOT_DRIFTED"));
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200).body("status", equalTo("LIVE"))
        .body("channelProductId", equalTo(channelProduct));
    assertThat(channel.products().find(channelProduct).describe()).containsEntry("status", "ACTIVATE");
  }

  @Test
  void aProductTheChannelFreezesFreezesTheListingAndLocksStockEdits_INV1() throws Throwable {
    given().contentType(ContentType.JSON).body("{\"status\":\"FREEZE\"}")
        .post(channel.baseUrl() + "/sandbox/channel/products/" + channelProduct + "/status").then().statusCode(200);
    checkPrecision();
    as(admin).get("/v1/listings/{id}", listing).then().body("status", equalTo("FROZEN"))
        .body("failures[0].code", equalTo("frozen_by_channel"));
    assertThat(lockStates("frozen")).containsExactly("true");
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(409).body("code", equalTo("LISTING_FROZEN"));

    given().contentType(ContentType.JSON).body("{\"status\":\"ACTIVATE\"}")
        .post(channel.baseUrl() + "/sandbox/channel/products/" + channelProduct + "/status").then().statusCode(200);
    checkPrecision();
    as(admin).get("/v1/listings/{id}", listing).then().body("status", equalTo("LIVE"));
    // the newest state supersedes the waiting one: the ledger is told the lock no longer holds
    assertThat(lockStates("frozen")).containsExactly("false");
  }

  /** The ledger's lock of {@code kind} on the SKU as it waits in the outbox (the newest state supersedes older). */
  private List<String> lockStates(String kind) {
    List<String> states = new java.util.ArrayList<>();
    pool.preparedQuery("select cast(payload as jsonb) ->> 'held' from outbox_event where path = $1 and status = 'PENDING'")
        .execute(Tuple.of("/internal/v1/skus/" + sku + "/locks/" + kind)).await().indefinitely()
        .forEach(row -> states.add(row.getString(0)));
    return states;
  }

  @Test
  void moreThanTheChannelTakesIsShownAsItsMaximum() {
    report("WH-1", 250_000, 1);
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(channelQuantities()).containsEntry(CHANNEL_WAREHOUSE_1, 99_999));
  }
}
