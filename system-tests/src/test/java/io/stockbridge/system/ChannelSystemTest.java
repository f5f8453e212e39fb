package io.stockbridge.system;

import static io.restassured.RestAssured.given;
import static io.stockbridge.system.Suite.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.stockbridge.sandbox.channel.ChannelSandbox;
import io.stockbridge.testing.TestTokens;
import io.stockbridge.testing.WebhookReceiver;

/**
 * The channel side of the suite as production runs it: catalog-service asks the real compliance-service (with its
 * client-credentials token, validated there) before anything reaches the channel, and the channel's orders, arriving
 * as signed webhooks, become reservations in the real inventory-service through catalog-service's outbox.
 */
class ChannelSystemTest {
  private static final String SELLER = "seller-c";
  private static final String ADMIN = TestTokens.seller(SELLER, "seller-admin");
  private static final String SKU = "E2E-CH-1";
  private static final String WAREHOUSE = "E2E-CH-WH";

  private static Suite suite;
  private static ChannelSandbox channel;
  private static ServiceProcess catalog;
  private static ServiceProcess inventory;
  private static ServiceProcess compliance;
  private static WebhookReceiver receiver;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = Suite.start("catalog", "inventory", "compliance");
    channel = new ChannelSandbox(ChannelSandbox.DEFAULT_APP_KEY, ChannelSandbox.DEFAULT_APP_SECRET).start(0);
    Map<String, String> inventoryEnvironment = new HashMap<>(suite.environment());
    // the seller's webhook receiver runs in this test, on loopback, which the operator must allow
    inventory = new ServiceProcess("inventory-service", inventoryEnvironment,
        List.of("-Dstockbridge.inventory.webhooks.allowed-networks=127.0.0.0/8"));
    compliance = new ServiceProcess("compliance-service", suite.environment(), List.of()).launch();
    Map<String, String> catalogEnvironment = new HashMap<>(suite.environment(
        "STOCKBRIDGE_INVENTORY_URL", inventory.url(), "STOCKBRIDGE_COMPLIANCE_URL", compliance.url(),
        "STOCKBRIDGE_CHANNEL_APP_KEY", ChannelSandbox.DEFAULT_APP_KEY,
        "STOCKBRIDGE_CHANNEL_APP_SECRET", ChannelSandbox.DEFAULT_APP_SECRET,
        "STOCKBRIDGE_CHANNEL_AUTHORIZE_URL", channel.baseUrl() + "/oauth/authorize",
        "STOCKBRIDGE_CHANNEL_AUTH_URL", channel.baseUrl(), "STOCKBRIDGE_CHANNEL_API_URL", channel.baseUrl()));
    catalog = new ServiceProcess("catalog-service", catalogEnvironment, List.of());
    // each calls the other: the ledger tells catalog-service of every change of an available quantity
    inventoryEnvironment.put("STOCKBRIDGE_CATALOG_URL", catalog.url());
    inventory.launch();
    catalog.launch();
    for (ServiceProcess service : List.of(inventory, compliance, catalog)) {
      service.awaitReady();
    }
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(catalog, compliance, inventory, channel, suite);
    if (receiver != null) {
      receiver.close();
    }
  }

  /** The seller consents on the channel; the browser follows the redirect back to catalog-service's callback. */
  private static String connect() throws Exception {
    return connect("US");
  }

  private static String connect(String region) throws Exception {
    String url = as(ADMIN, catalog).body("{\"channel\":\"TIKTOK_SHOP\",\"region\":\"" + region + "\"}")
        .post("/v1/channel-connections").then().statusCode(201).extract().path("authorizationUrl");
    HttpResponse<Void> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.discarding());
    URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    Map<String, String> query = new HashMap<>();
    for (String pair : back.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return given().baseUri(catalog.url()).queryParam("code", query.get("code")).queryParam("state", query.get("state"))
        .get("/v1/channel-connections/callback").then().statusCode(200).body("status", equalTo("ACTIVE"))
        .extract().path("id");
  }

  private long reserved() {
    List<List<String>> rows = suite.rows("inventory", "select reserved from stock_balance where seller_id = '"
        + SELLER + "' and seller_sku = '" + SKU + "' and warehouse_id = '" + WAREHOUSE + "'");
    return rows.isEmpty() ? -1 : Long.parseLong(rows.get(0).get(0));
  }

  @Test
  void complianceDecidesBeforeTheChannelAndTheChannelsNoticesReachTheLedger_LST1_LST2_INV1_STK3() throws Exception {
    String product = as(ADMIN, catalog).body("""
        {"titles": {"en": "Wireless earbuds with charging case"}, "category": "Phones & Electronics/Audio",
         "originCountry": "CN", "manufacturer": {"name": "Acme Audio Ltd", "registeredAddress": "1 Keji Road, Shenzhen"},
         "attributes": {"wireless": "true"}, "skus": [{"sellerSku": "%s"}]}""".formatted(SKU))
        .post("/v1/products").then().statusCode(201).extract().path("id");
    byte[] photo = Seller.whitePhoto();
    for (int i = 0; i < 3; i++) {
      given().baseUri(catalog.url()).auth().oauth2(ADMIN).contentType("image/png").body(photo)
          .post("/v1/products/{id}/images", product).then().statusCode(201);
    }
    String connection = connect();
    // the seller's ERP subscribes at inventory-service; its receiver refuses the first delivery it gets
    receiver = new WebhookReceiver();
    receiver.answer(500);
    receiver.secret(as(ADMIN, inventory).body(Map.of("url", receiver.url(),
            "events", List.of("listing.status_changed", "stock.available_changed")))
        .post("/v1/webhook-subscriptions").then().statusCode(201).extract().path("secret"));
    String listing = as(ADMIN, catalog).body("{\"productId\":\"" + product + "\",\"connectionId\":\"" + connection
        + "\",\"market\":\"US\"}").post("/v1/listings").then().statusCode(201).extract().path("id");

    // compliance-service, really asked: US electronics without an FCC ID cannot be published, and the channel never
    // hears of the product
    as(ADMIN, catalog).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", equalTo("FAILED")).body("failures.code", hasItem("missing_fcc_id"));
    assertThat(channel.calls("/product/202309/products")).isZero();
    assertThat(suite.rows("compliance", "select count(*) from publication_check where seller_id = '" + SELLER + "'")
        .get(0).get(0)).isEqualTo("1");

    // LST-2: a US category open by invitation only, without the seller's access, is refused by compliance-service
    String supplement = as(ADMIN, catalog).body("""
        {"titles": {"en": "Vitamin D3 capsules, 120 count"}, "category": "Health Supplements/Vitamins",
         "originCountry": "CN", "manufacturer": {"name": "Acme Health Ltd", "registeredAddress": "2 Keji Road, Shenzhen"},
         "skus": [{"sellerSku": "E2E-CH-2"}]}""").post("/v1/products").then().statusCode(201).extract().path("id");
    for (int i = 0; i < 3; i++) {
      given().baseUri(catalog.url()).auth().oauth2(ADMIN).contentType("image/png").body(photo)
          .post("/v1/products/{id}/images", supplement).then().statusCode(201);
    }
    String supplementListing = as(ADMIN, catalog).body("{\"productId\":\"" + supplement + "\",\"connectionId\":\""
        + connection + "\",\"market\":\"US\"}").post("/v1/listings").then().statusCode(201).extract().path("id");
    as(ADMIN, catalog).post("/v1/listings/{id}/publish", supplementListing).then().statusCode(200)
        .body("status", equalTo("FAILED")).body("failures.code", hasItem("category_not_whitelisted"));
    assertThat(channel.calls("/product/202309/products")).isZero();

    // catalog-service's outbox tells inventory-service, which tells the subscriber, each change once, signed
    await().atMost(Duration.ofSeconds(30)).until(() -> statusChangesOf(listing).size() == 1
        && statusChangesOf(supplementListing).size() == 1);
    assertThat(statusChangesOf(listing).get(0).data().getString("to")).isEqualTo("FAILED");
    assertThat(statusChangesOf(listing).get(0).data().getJsonArray("failures").encode()).contains("missing_fcc_id");
    // the outbox delivering the same event again (its acknowledgement lost) sends the subscriber nothing more
    List<String> told = suite.rows("catalog", "select payload from outbox_event where path = "
        + "'/internal/v1/webhook-events' and payload like '%" + listing + "%'").stream().map(row -> row.get(0)).toList();
    assertThat(told).hasSize(1);
    for (String event : told) {
      as(TestTokens.service("catalog-service"), inventory).header("Stockbridge-Seller-Id", SELLER).body(event)
          .post("/internal/v1/webhook-events").then().statusCode(200).body("subscriptions", equalTo(0));
    }
    assertThat(receiver.received()).as("the refused first delivery was asked again under its webhook-id")
        .anySatisfy(refused -> assertThat(refused.answered()).isEqualTo(500))
        .allSatisfy(each -> assertThat(receiver.verifies(each)).isTrue());

    // stock in the ledger (the SKU reached it through catalog-service's outbox)
    await().atMost(Duration.ofSeconds(30)).until(() -> !suite.rows("inventory",
        "select 1 from known_sku where seller_id = '" + SELLER + "' and seller_sku = '" + SKU + "'").isEmpty());
    as(TestTokens.service("warehouse-gateway"), inventory).header("Stockbridge-Seller-Id", SELLER)
        .put("/internal/v1/warehouses/{id}", WAREHOUSE).then().statusCode(org.hamcrest.Matchers.oneOf(201, 204));
    as(ADMIN, inventory).body("""
        {"movements": [{"sellerSku": "%s", "warehouseId": "%s", "from": "OUTSIDE", "to": "SELLABLE", "quantity": 10,
         "reason": "RECEIPT"}]}""".formatted(SKU, WAREHOUSE)).post("/v1/stock/movements").then().statusCode(200);

    // the channel's orders, signed webhooks to catalog-service, become a reservation and its release in the ledger
    given().contentType(ContentType.JSON).body("{\"webhookUrl\":\"" + catalog.url() + "/webhooks/channel/"
        + connection + "\"}").put(channel.baseUrl() + "/sandbox/channel/settings").then().statusCode(200);
    String order = "{\"orderId\":\"5770001\",\"status\":\"%s\",\"lines\":[{\"skuId\":\"1\",\"sellerSku\":\"" + SKU
        + "\",\"quantity\":3}]}";
    given().contentType(ContentType.JSON).body(order.formatted("AWAITING_SHIPMENT"))
        .post(channel.baseUrl() + "/sandbox/channel/orders").then().statusCode(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> reserved() == 3);
    // the ledger's available quantity reaches catalog-service, batched by inventory-service's outbox
    await().atMost(Duration.ofSeconds(30)).until(() -> as(ADMIN, catalog).get("/v1/skus/{sku}/channel-stock", SKU)
        .then().statusCode(200).extract().jsonPath().getLong("available") == 7L);
    given().contentType(ContentType.JSON).body(order.formatted("CANCELLED"))
        .post(channel.baseUrl() + "/sandbox/channel/orders").then().statusCode(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> reserved() == 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> as(ADMIN, catalog).get("/v1/skus/{sku}/channel-stock", SKU)
        .then().statusCode(200).extract().jsonPath().getLong("available") == 10L);
    assertThat(suite.rows("inventory", "select status from reservation where seller_id = '" + SELLER
        + "' and order_id = '5770001'")).containsExactly(List.of("RELEASED"));

    // scenario 2: an order placed and shipped within the same second, while inventory-service is down, and one
    // shipped before it was ever placed: both leave the ledger, nothing stays reserved, nothing is a dead letter
    inventory.crash();
    String fast = "{\"orderId\":\"%s\",\"status\":\"%s\",\"lines\":[{\"skuId\":\"1\",\"sellerSku\":\"" + SKU
        + "\",\"quantity\":%d}]}";
    for (String status : List.of("AWAITING_SHIPMENT", "IN_TRANSIT")) {
      given().contentType(ContentType.JSON).body(fast.formatted("5770002", status, 2))
          .post(channel.baseUrl() + "/sandbox/channel/orders").then().statusCode(200);
    }
    given().contentType(ContentType.JSON).body(fast.formatted("5770003", "IN_TRANSIT", 1))
        .post(channel.baseUrl() + "/sandbox/channel/orders").then().statusCode(200);
    given().contentType(ContentType.JSON).body(fast.formatted("5770003", "AWAITING_SHIPMENT", 1))
        .post(channel.baseUrl() + "/sandbox/channel/orders").then().statusCode(200);
    inventory.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> suite.rows("inventory", "select order_id, status from "
        + "reservation where seller_id = '" + SELLER + "' and order_id in ('5770002', '5770003') order by order_id")
        .equals(List.of(List.of("5770002", "COMMITTED"), List.of("5770003", "COMMITTED"))));
    await().atMost(Duration.ofSeconds(30)).until(() -> suite.rows("catalog", "select count(*) from outbox_event "
        + "where path = '/internal/v1/channel-orders' and status = 'PENDING'").get(0).get(0).equals("0"));
    assertThat(reserved()).isZero();
    assertThat(suite.rows("inventory", "select unreserved from stock_balance where seller_id = '" + SELLER
        + "' and seller_sku = '" + SKU + "' and warehouse_id = '" + WAREHOUSE + "'")).containsExactly(List.of("7"));
    assertThat(suite.rows("catalog", "select count(*) from outbox_event where status = 'DEAD'"))
        .containsExactly(List.of("0"));
    // the channel hears of the ledger's new available quantity
    await().atMost(Duration.ofSeconds(30)).until(() -> as(ADMIN, catalog).get("/v1/skus/{sku}/channel-stock", SKU)
        .then().statusCode(200).extract().jsonPath().getLong("available") == 7L);
    // and so does the subscriber, across inventory-service's restart
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      List<WebhookReceiver.Received> stock = receiver.accepted("stock.available_changed");
      return !stock.isEmpty() && stock.get(stock.size() - 1).data().getLong("available") == 7L;
    });

    labelledPackagesLockHandEditsUntilTheyShip_INV1();
    returnedUnitsReachQcOnceAcrossARestart_STK3();
    usBeautyNeedsInciNamesAndGoesLiveWithThem_CMP3(connection);
    thaiSalesOverTheThresholdRequireATaxId_CMP4();
  }

  /**
   * CMP-4 through the real flow: the seller's shop now sells in Thailand; shipped orders there add up in
   * catalog-service, whose outbox tells compliance-service the month's total, and past USD 1,000 without a verified
   * tax id the next check fails and the dashboard says payouts are at risk.
   */
  private void thaiSalesOverTheThresholdRequireATaxId_CMP4() throws Exception {
    String thai = connect("TH");
    given().contentType(ContentType.JSON).body("{\"webhookUrl\":\"" + catalog.url() + "/webhooks/channel/" + thai
        + "\"}").put(channel.baseUrl() + "/sandbox/channel/settings").then().statusCode(200);
    String check = "{\"market\":\"TH\",\"category\":\"Home & Living\",\"productId\":\"th-lamp\"}";
    as(ADMIN, compliance).body(check).post("/v1/checks").then().statusCode(200)
        .body("failures.code", not(hasItem("tin_required")));
    for (String orderId : List.of("5880001", "5880002")) {
      given().contentType(ContentType.JSON).body("{\"orderId\":\"" + orderId + "\",\"status\":\"IN_TRANSIT\","
              + "\"currency\":\"THB\",\"totalAmount\":\"20000\",\"lines\":[{\"skuId\":\"1\",\"sellerSku\":\"" + SKU
              + "\",\"quantity\":1}]}")
          .post(channel.baseUrl() + "/sandbox/channel/orders").then().statusCode(200);
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ADMIN, compliance).queryParam("market", "TH")
        .get("/v1/dashboard").then().statusCode(200).body("markets[0].payouts.tinRequired", equalTo(true))
        .body("markets[0].payouts.atRisk", equalTo(true)));
    as(ADMIN, compliance).body(check).post("/v1/checks").then().statusCode(200)
        .body("compliant", equalTo(false)).body("failures.code", hasItem("tin_required"));
  }

  /**
   * CMP-3 through the real flow: catalog-service sends the product's ingredients to compliance-service, which knows
   * the seller's verified FDA registration and CPI; a non-INCI name stops publication and says what to write.
   */
  private void usBeautyNeedsInciNamesAndGoesLiveWithThem_CMP3(String connection) throws Exception {
    byte[] pdf = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    for (String type : List.of("FDA_FACILITY_REGISTRATION", "CPI")) {
      String document = given().baseUri(compliance.url()).auth().oauth2(ADMIN).accept("application/json")
          .multiPart("file", "certificate.pdf", pdf, "application/pdf").multiPart("type", type)
          .multiPart("number", type + "-E2E").multiPart("issuer", "US FDA")
          .multiPart("issuedAt", java.time.LocalDate.now().minusMonths(6).toString()).multiPart("market", "US")
          .post("/v1/documents").then().statusCode(201).extract().path("id");
      for (String status : List.of("PENDING_REVIEW", "VERIFIED")) {
        as(TestTokens.staff("rita", "compliance-reviewer"), compliance).body("{\"status\":\"" + status + "\"}")
            .post("/v1/documents/{id}/transitions", document).then().statusCode(200);
      }
    }
    String serum = """
        {"titles": {"en": "Hydrating face serum with hyaluronic acid"}, "category": "Beauty/Skincare",
         "originCountry": "KR", "manufacturer": {"name": "Acme Beauty Co", "registeredAddress": "3 Gangnam-daero, Seoul"},
         "ingredients": %s, "skus": [{"sellerSku": "E2E-SERUM-1"}]}""";
    String product = as(ADMIN, catalog).body(serum.formatted("[\"Purified Water\", \"Glycerin\"]"))
        .post("/v1/products").then().statusCode(201).body("ingredients[0]", equalTo("Purified Water"))
        .extract().path("id");
    byte[] photo = Seller.whitePhoto();
    for (int i = 0; i < 3; i++) {
      given().baseUri(catalog.url()).auth().oauth2(ADMIN).contentType("image/png").body(photo)
          .post("/v1/products/{id}/images", product).then().statusCode(201);
    }
    String listing = as(ADMIN, catalog).body("{\"productId\":\"" + product + "\",\"connectionId\":\"" + connection
        + "\",\"market\":\"US\"}").post("/v1/listings").then().statusCode(201).extract().path("id");
    as(ADMIN, catalog).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", equalTo("FAILED"))
        .body("failures.code", equalTo(List.of("cpi_ingredient_not_inci")))
        .body("failures[0].field", equalTo("ingredients[0]"))
        .body("failures[0].suggestion", equalTo("Aqua"));

    as(ADMIN, catalog).body(serum.formatted("[\"Aqua\", \"Glycerin\"]")).put("/v1/products/{id}", product).then()
        .statusCode(200);
    given().contentType(ContentType.JSON).body("{\"autoAudit\":\"PASSED\"}")
        .put(channel.baseUrl() + "/sandbox/channel/settings").then().statusCode(200);
    as(ADMIN, catalog).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.oneOf("IN_REVIEW", "LIVE"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ADMIN, catalog).get("/v1/listings/{id}", listing)
        .then().body("status", equalTo("LIVE")));
  }

  /** INV-1: the channel's package notices, through catalog-service's outbox, lock hand edits in the ledger. */
  private void labelledPackagesLockHandEditsUntilTheyShip_INV1() {
    String labelled = "{\"packageId\":\"%s\",\"orderId\":\"5770004\",\"status\":\"%s\",\"lines\":[{\"skuId\":\"1\","
        + "\"sellerSku\":\"" + SKU + "\",\"quantity\":1}]}";
    // reordered: a package whose shipment overtook its label notice never locks
    for (String notice : List.of(labelled.formatted("PKG-2", "IN_TRANSIT"), labelled.formatted("PKG-2", "PROCESSING"),
        labelled.formatted("PKG-1", "PROCESSING"))) {
      given().contentType(ContentType.JSON).body(notice).post(channel.baseUrl() + "/sandbox/channel/packages")
          .then().statusCode(200);
    }
    // wait for the ledger to hold the notices, not by editing: an edit that gets through counts against INV-4
    await().atMost(Duration.ofSeconds(30)).until(() -> openLabels().equals(List.of("PKG-1"))
        && !suite.rows("inventory", "select 1 from shipping_label where package_id = 'PKG-2'").isEmpty());
    handEdit(8).statusCode(409).body("code", equalTo("SKU_HAS_SHIPPING_LABELS"))
        .body("packages", equalTo(List.of("PKG-1")));
    given().contentType(ContentType.JSON).body("{\"packageId\":\"PKG-1\",\"status\":\"IN_TRANSIT\"}")
        .post(channel.baseUrl() + "/sandbox/channel/packages").then().statusCode(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> openLabels().isEmpty());
    handEdit(8).statusCode(200);
  }

  /** The packages whose labels lock the SKU in the ledger now. */
  private List<String> openLabels() {
    return suite.rows("inventory", "select package_id from shipping_label where seller_id = '" + SELLER
        + "' and seller_sku = '" + SKU + "' and closed_at is null and labelled_at is not null order by package_id")
        .stream().map(row -> row.get(0)).toList();
  }

  /**
   * STK-3: a return the seller received back enters QC of the warehouse its order shipped from, once, although its
   * notice arrives twice and the first while inventory-service is down.
   */
  private void returnedUnitsReachQcOnceAcrossARestart_STK3() throws Exception {
    String returned = "{\"returnId\":\"RET-1\",\"orderId\":\"5770002\",\"lines\":[{\"skuId\":\"1\","
        + "\"sellerSku\":\"" + SKU + "\",\"quantity\":1}]}";
    inventory.crash();
    for (int i = 0; i < 2; i++) {
      given().contentType(ContentType.JSON).body(returned).post(channel.baseUrl() + "/sandbox/channel/returns")
          .then().statusCode(200);
    }
    inventory.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> suite.rows("catalog", "select count(*) from outbox_event "
        + "where path = '/internal/v1/channel-returns' and status = 'PENDING'").get(0).get(0).equals("0"));
    assertThat(suite.rows("inventory", "select qc, unreserved from stock_balance where seller_id = '" + SELLER
        + "' and seller_sku = '" + SKU + "' and warehouse_id = '" + WAREHOUSE + "'"))
        .as("one unit in QC, none of it sellable").containsExactly(List.of("1", "8"));
    assertThat(suite.rows("catalog", "select count(*) from outbox_event where status = 'DEAD'"))
        .containsExactly(List.of("0"));
  }

  private io.restassured.response.ValidatableResponse handEdit(long sellable) {
    long version = as(ADMIN, inventory).get("/v1/stock/{sku}/warehouses/{warehouse}", SKU, WAREHOUSE).then()
        .statusCode(200).extract().jsonPath().getLong("levels.version");
    return as(ADMIN, inventory).header("If-Match", "\"" + version + "\"")
        .body("{\"sellable\": " + sellable + ", \"reason\": \"recount\"}")
        .put("/v1/stock/{sku}/warehouses/{warehouse}", SKU, WAREHOUSE).then();
  }

  private static List<WebhookReceiver.Received> statusChangesOf(String listing) {
    // a status change of PUBLISHING to FAILED per publication; PUBLISHING itself is not an outcome
    return receiver.accepted("listing.status_changed").stream()
        .filter(event -> listing.equals(event.data().getString("listingId"))).toList();
  }
}
