package io.stockbridge.catalog.listing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stockbridge.catalog.ChannelSandboxResource.InjectChannel;
import io.stockbridge.catalog.SandboxConsent;
import io.stockbridge.catalog.TestImages;
import io.stockbridge.sandbox.channel.ChannelProducts;
import io.stockbridge.sandbox.channel.ChannelSandbox;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publication end to end against the channel sandbox, with compliance-service played by WireMock in its documented
 * shape: local checks on decoded images (LST-3), machine-readable failures (LST-1), the 72-hour lock (LST-4), the
 * audit result by signed webhook, edit locks to the ledger (INV-1), refused connections (CH-3, CH-4).
 */
@QuarkusTest
class ListingPublicationTest {
  @InjectChannel
  ChannelSandbox channel;

  @InjectDestination
  WireMockServer services;

  @Inject
  Pool pool;

  @Inject
  SettableClock clock;

  private final String seller = "seller-" + UUID.randomUUID();
  private final String admin = TestTokens.seller(seller, "seller-admin");
  private String connection;

  @BeforeEach
  void connectAndComply() throws Exception {
    connection = SandboxConsent.connect(admin);
    channel.webhooks().url("http://localhost:" + io.restassured.RestAssured.port + "/webhooks/channel/" + connection);
    services.stubFor(post(urlEqualTo("/v1/checks")).atPriority(10).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"id":"%s","market":"US","category":"Electronics/Audio/Earphones","productId":"p-1","compliant":true,
             "ruleVersion":3,"failures":[],"warnings":[],"checkedBy":"catalog-service","checkedAt":"2026-11-22T10:00:00Z"}""".formatted(UUID.randomUUID()))));
  }

  @AfterEach
  void restore() {
    channel.faults().clear();
    channel.webhooks().url(null);
    channel.shop(ChannelSandbox.DEFAULT_SHOP).appUnauthorized(false);
    channel.autoAudit(null);
    channel.autoAuditDelay(java.time.Duration.ofMillis(200));
    services.resetAll();
  }

  private String product(String sku, String title) {
    return as(admin).body("""
        {"titles": {"en": "%s"}, "category": "Electronics/Audio/Earphones", "brand": "Acme", "originCountry": "CN",
         "manufacturer": {"name": "Acme Audio Ltd", "registeredAddress": "1 Keji Road, Nanshan, Shenzhen, CN"},
         "attributes": {"wireless": "true"},
         "skus": [{"sellerSku": "%s", "barcode": "4006381333931"}]}""".formatted(title, sku))
        .post("/v1/products").then().statusCode(201).extract().path("id");
  }

  private void image(String productId, byte[] bytes) {
    as(admin).contentType("image/png").body(bytes).post("/v1/products/{id}/images", productId).then().statusCode(201);
  }

  private String readyProduct(String sku) {
    String id = product(sku, "Wireless earbuds with charging case");
    for (int i = 0; i < 3; i++) {
      image(id, TestImages.png(1080, 1080, TestImages.WHITE));
    }
    return id;
  }

  private String draft(String productId) {
    return as(admin).body("{\"productId\":\"" + productId + "\",\"connectionId\":\"" + connection
        + "\",\"market\":\"US\"}").post("/v1/listings").then().statusCode(201).extract().path("id");
  }

  private static String newSku() {
    return "EAR-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private long editLockEvents(String sku, boolean held) {
    return pool.preparedQuery("select count(*) from outbox_event where path = $1 and cast(payload as jsonb) ->> 'held' = $2")
        .execute(Tuple.of("/internal/v1/skus/" + sku + "/locks/under-review", Boolean.toString(held)))
        .await().indefinitely().iterator().next().getLong(0);
  }

  /** The listing.status_changed events queued for inventory-service's webhook subscribers, as from>to, in order. */
  private List<String> statusChanges(String listing) {
    List<String> changes = new java.util.ArrayList<>();
    pool.preparedQuery("select payload::jsonb -> 'data' ->> 'from' as from_status, "
            + "payload::jsonb -> 'data' ->> 'to' as to_status from outbox_event "
            + "where path = '/internal/v1/webhook-events' and destination = 'inventory-service' "
            + "and sequence_key = $1 and payload::jsonb ->> 'type' = 'listing.status_changed' order by created_at")
        .execute(Tuple.of("listing-status|" + listing)).await().indefinitely()
        .forEach(row -> changes.add(row.getString("from_status") + ">" + row.getString("to_status")));
    return changes;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCreateWhoseAnswerWasLostIsFoundOnTheChannelInsteadOfCreatedTwice() {
    String sku = newSku();
    String listing = draft(readyProduct(sku));
    int creates = channel.calls("/product/202309/products");
    // the channel creates the product, but answers after catalog-service stopped waiting (2 s in tests)
    channel.faults().lateAnswerNext("/product/202309/products", 1, java.time.Duration.ofSeconds(4));
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(503)
        .body("code", org.hamcrest.Matchers.equalTo("CHANNEL_UNAVAILABLE"));
    List<ChannelProducts.Product> onChannel = channel.products().withSellerSkus(ChannelSandbox.DEFAULT_SHOP, Set.of(sku));
    assertThat(onChannel).as("the create took effect on the channel").hasSize(1);

    // publishing again finds that product: it is taken, not created a second time
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("IN_REVIEW"))
        .body("channelProductId", org.hamcrest.Matchers.equalTo(onChannel.get(0).describe().get("id")))
        .body("channelSkus." + sku, org.hamcrest.Matchers.equalTo(
            ((List<Map<String, Object>>) onChannel.get(0).describe().get("skus")).get(0).get("id")));
    assertThat(channel.calls("/product/202309/products") - creates).as("create calls").isEqualTo(1);
    assertThat(channel.products().withSellerSkus(ChannelSandbox.DEFAULT_SHOP, Set.of(sku))).hasSize(1);
    as(admin).get("/v1/listings/{id}/attempts", listing).then().statusCode(200).body("$", hasSize(2))
        // newest first: the submission that found the product, then the one whose answer was lost
        .body("submitted", org.hamcrest.Matchers.contains(true, false));
  }

  @Test
  void aCompliantProductGoesToReviewWithItsUploadedImagesAndTheSignedAuditResultMakesItLive_LST1_LST3_INV1() {
    String sku = newSku();
    String listing = draft(readyProduct(sku));
    int uploads = channel.calls("/product/202309/images/upload");
    String channelProduct = as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("IN_REVIEW"))
        .body("channelSkus." + sku, org.hamcrest.Matchers.notNullValue())
        .extract().path("channelProductId");
    // the compliance check was asked with the service's own token, for this seller
    services.verify(postRequestedFor(urlEqualTo("/v1/checks"))
        .withHeader("Stockbridge-Seller-Id", equalTo(seller))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+"))
        .withRequestBody(matchingJsonPath("$.market", equalTo("US")))
        .withRequestBody(matchingJsonPath("$.facts.attributes.wireless", equalTo("true"))));
    // LST-3: the three main images went up through the channel's upload, and the product names the uris it answered
    assertThat(channel.calls("/product/202309/images/upload") - uploads).isEqualTo(3);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> mainImages = (List<Map<String, Object>>) channel.products()
        .find(ChannelSandbox.DEFAULT_SHOP, channelProduct).describe().get("main_images");
    assertThat(mainImages).hasSize(3).allSatisfy(image -> assertThat((String) image.get("uri")).startsWith("tos-"));
    // INV-1: under review, manual stock edits of the SKU are locked in the ledger
    assertThat(editLockEvents(sku, true)).isEqualTo(1);

    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(409)
        .body("code", org.hamcrest.Matchers.equalTo("LISTING_IN_REVIEW"));
    io.restassured.RestAssured.given().contentType(ContentType.JSON).body("{\"result\":\"PASSED\"}")
        .post(channel.baseUrl() + "/sandbox/channel/products/" + channelProduct + "/audit").then().statusCode(200);
    as(admin).get("/v1/listings/{id}", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("LIVE"));
    assertThat(editLockEvents(sku, false)).isEqualTo(1);
    // the seller's webhook subscribers are told of each change, through inventory-service, one after the other
    assertThat(statusChanges(listing)).containsExactly("PUBLISHING>IN_REVIEW", "IN_REVIEW>LIVE");
    as(admin).get("/v1/listings/{id}/attempts", listing).then().statusCode(200).body("$", hasSize(1))
        .body("[0].outcome", org.hamcrest.Matchers.equalTo("LIVE")).body("[0].submitted", org.hamcrest.Matchers.is(true));
  }

  @Test
  void anAuditResultThatOvertakesTheCreatesAnswerIsAppliedWhenThePublicationIsRecorded_LST1() {
    String listing = draft(readyProduct(newSku()));
    // the channel sends its audit webhook before it answers the create: no listing holds the product yet
    channel.autoAudit("PASSED");
    channel.autoAuditDelay(java.time.Duration.ZERO);
    String channelProduct = as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("LIVE")).extract().path("channelProductId");
    assertThat(channel.webhooks().sent()).anySatisfy(sent -> assertThat(sent.toString()).contains(channelProduct));
    as(admin).get("/v1/listings/{id}/attempts", listing).then().statusCode(200).body("$", hasSize(1))
        .body("[0].outcome", org.hamcrest.Matchers.equalTo("LIVE"));
    // the transaction that recorded the submission also applied the result that had arrived first
    assertThat(statusChanges(listing)).containsExactly("PUBLISHING>IN_REVIEW", "IN_REVIEW>LIVE");
    // the kept result was taken, not left to be applied again
    assertThat(pool.preparedQuery("select count(*) from early_audit_result where connection_id = $1")
        .execute(Tuple.of(UUID.fromString(connection))).await().indefinitely().iterator().next().getLong(0))
        .isZero();
  }

  @Test
  void localChecksNameEveryProblemAndNothingReachesTheChannel_LST1_LST3() {
    String sku = newSku();
    String id = product(sku, "Earbuds");
    image(id, TestImages.png(1080, 1080, TestImages.GREY));
    image(id, TestImages.png(1000, 1000, TestImages.WHITE));
    int before = channel.calls("/product/202309/products");
    String listing = draft(id);
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("FAILED"))
        .body("failures.code", containsInAnyOrder("title_too_short", "too_few_main_images",
            "image_background_not_white", "image_too_small"))
        .body("failures.find { it.code == 'image_background_not_white' }.field", org.hamcrest.Matchers.equalTo("images[0]"))
        .body("failures.find { it.code == 'image_too_small' }.field", org.hamcrest.Matchers.equalTo("images[1]"))
        .body("failures.find { it.code == 'title_too_short' }.field", org.hamcrest.Matchers.equalTo("titles.en"));
    assertThat(channel.calls("/product/202309/products")).isEqualTo(before);
    services.verify(0, postRequestedFor(urlEqualTo("/v1/checks")));
    as(admin).get("/v1/listings/{id}/attempts", listing).then().body("[0].stage", org.hamcrest.Matchers.equalTo("LOCAL"))
        .body("[0].submitted", org.hamcrest.Matchers.is(false));
  }

  @Test
  void complianceFailuresAreTheListingsFailures_LST1() {
    String sku = newSku();
    String listing = draft(readyProduct(sku));
    services.stubFor(post(urlEqualTo("/v1/checks")).atPriority(1).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"id":"%s","market":"US","category":"Electronics","productId":"p-1","compliant":false,"ruleVersion":3,
             "warnings":[],"checkedBy":"catalog-service","checkedAt":"2026-11-22T10:00:00Z",
             "failures":[{"code":"missing_fcc_id","field":"documents","documentType":"FCC_ID",
                          "message":"Electronics in the US need an FCC ID","suggestion":null}]}""".formatted(UUID.randomUUID()))));
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("FAILED"))
        .body("failures[0].code", org.hamcrest.Matchers.equalTo("missing_fcc_id"))
        .body("failures[0].field", org.hamcrest.Matchers.equalTo("documents"));
  }

  @Test
  void theProductsIngredientsAndModelReachTheCheckAndItsSuggestionReachesTheSeller_CMP3() {
    String sku = newSku();
    String id = as(admin).body("""
        {"titles": {"en": "Hydrating face serum 30 ml"}, "category": "Beauty/Skincare", "originCountry": "KR",
         "manufacturer": {"name": "Acme Beauty Co", "registeredAddress": "3 Gangnam-daero, Seoul"},
         "ingredients": ["Purified Water", "Glycerin"], "modelNumber": "SER-30",
         "modelFirstRegisteredAt": "2025-03-01", "skus": [{"sellerSku": "%s"}]}""".formatted(sku))
        .post("/v1/products").then().statusCode(201)
        .body("ingredients", org.hamcrest.Matchers.contains("Purified Water", "Glycerin"))
        .body("modelFirstRegisteredAt", org.hamcrest.Matchers.equalTo("2025-03-01")).extract().path("id");
    for (int i = 0; i < 3; i++) {
      image(id, TestImages.png(1080, 1080, TestImages.WHITE));
    }
    String listing = draft(id);
    services.stubFor(post(urlEqualTo("/v1/checks")).atPriority(1).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"id":"%s","market":"US","category":"Beauty","productId":"p-1","compliant":false,"ruleVersion":3,
             "warnings":[],"checkedBy":"catalog-service","checkedAt":"2026-11-22T10:00:00Z",
             "failures":[{"code":"cpi_ingredient_not_inci","field":"facts.ingredients[0]","documentType":"CPI",
                          "message":"'Purified Water' is not an INCI name; the CPI must say 'Aqua'",
                          "suggestion":"Aqua"}]}""".formatted(UUID.randomUUID()))));
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("FAILED"))
        .body("failures[0].code", org.hamcrest.Matchers.equalTo("cpi_ingredient_not_inci"))
        .body("failures[0].field", org.hamcrest.Matchers.equalTo("ingredients[0]"))
        .body("failures[0].suggestion", org.hamcrest.Matchers.equalTo("Aqua"));
    services.verify(postRequestedFor(urlEqualTo("/v1/checks"))
        .withRequestBody(matchingJsonPath("$.facts.ingredients[0]", equalTo("Purified Water")))
        .withRequestBody(matchingJsonPath("$.facts.ingredients[1]", equalTo("Glycerin")))
        .withRequestBody(matchingJsonPath("$.facts.modelNumber", equalTo("SER-30")))
        .withRequestBody(matchingJsonPath("$.facts.modelFirstRegisteredAt", equalTo("2025-03-01"))));
  }

  @Test
  void complianceServiceDownAnswers503AndTheListingStaysADraft() {
    String listing = draft(readyProduct(newSku()));
    services.stubFor(post(urlEqualTo("/v1/checks")).atPriority(1).willReturn(aResponse().withStatus(503)));
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(503)
        .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("COMPLIANCE_UNAVAILABLE"));
    as(admin).get("/v1/listings/{id}", listing).then().body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
    as(admin).get("/v1/listings/{id}/attempts", listing).then()
        .body("[0].outcome", org.hamcrest.Matchers.equalTo("NOT_SUBMITTED"))
        .body("[0].failures[0].code", org.hamcrest.Matchers.equalTo("compliance_check_unavailable"));
  }

  @Test
  void aCheckComplianceServiceRefusesToJudgeFailsTheListingWithItsWords_LST1() {
    String listing = draft(readyProduct(newSku()));
    services.stubFor(post(urlEqualTo("/v1/checks")).atPriority(1).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"detail\":\"category is unknown\"}")));
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("FAILED"))
        .body("failures[0].code", org.hamcrest.Matchers.equalTo("compliance_check_refused"))
        .body("failures[0].message", org.hamcrest.Matchers.containsString("category is unknown"));
  }

  @Test
  void moreThanThreeFailedSubmissionsIn24HoursLockTheSkuFor72Hours_LST4() {
    String sku = newSku();
    String listing = draft(readyProduct(sku));
    for (int i = 0; i < 3; i++) {
      channel.faults().failNext(1, 400);
      as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
          .body("status", org.hamcrest.Matchers.equalTo("FAILED"))
          .body("failures[0].code", org.hamcrest.Matchers.equalTo("channel_rejected"));
    }
    // failures older than the window do not count: 25 hours pass
    clock.advance(Duration.ofHours(25));
    try {
      for (int i = 0; i < 3; i++) {
        channel.faults().failNext(1, 400);
        as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
            .body("status", org.hamcrest.Matchers.equalTo("FAILED"));
      }
      // the fourth within 24 hours is one more than three: the SKU locks
      channel.faults().failNext(1, 400);
      as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200);
      String lockedUntil = as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(409)
          .body("code", org.hamcrest.Matchers.equalTo("LISTING_LOCKED")).extract().path("lockedUntil");
      assertThat(OffsetDateTime.parse(lockedUntil))
          .isBetween(OffsetDateTime.now(clock).plusHours(71), OffsetDateTime.now(clock).plusHours(73));
    } finally {
      clock.reset();
    }
    // another listing of the same SKU is locked too, and every attempt is kept
    as(admin).get("/v1/listings/{id}/attempts", listing).then().body("$", hasSize(8))
        .body("[0].failures[0].code", org.hamcrest.Matchers.equalTo("listing_locked"));
    // the seller is told through the alert feed while the lock holds, once, and told again when it runs out
    assertThat(io.stockbridge.testing.AlertReports.reportedOf(sku)).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo("LISTING_LOCKED");
      assertThat(alert.state()).isEqualTo(io.stockbridge.platform.alert.AlertReport.State.RAISED);
      assertThat(alert.sellerSku()).isEqualTo(sku);
      assertThat(alert.summary()).contains("cannot be published until");
    });
    assertThat(io.stockbridge.testing.AlertReports.reportedOf(sku)).isEmpty();
    clock.advance(Duration.ofHours(100));
    try {
      assertThat(io.stockbridge.testing.AlertReports.reportedOf(sku)).singleElement()
          .satisfies(alert -> assertThat(alert.state()).isEqualTo(io.stockbridge.platform.alert.AlertReport.State.CLEARED));
    } finally {
      clock.reset();
    }
  }

  @Test
  void aRevokedTokenPutsTheConnectionInReauthorizationRequiredAndNothingIsSubmitted_CH3() throws Exception {
    String listing = draft(readyProduct(newSku()));
    io.restassured.RestAssured.given().post(channel.baseUrl() + "/sandbox/channel/shops/"
        + ChannelSandbox.DEFAULT_SHOP + "/revoke").then().statusCode(200);
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(409)
        .body("code", org.hamcrest.Matchers.equalTo("REAUTHORIZATION_REQUIRED"));
    as(admin).get("/v1/channel-connections/{id}", connection).then()
        .body("status", org.hamcrest.Matchers.equalTo("REAUTHORIZATION_REQUIRED"));
    as(admin).get("/v1/listings/{id}", listing).then().body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
    // authorising again brings the connection back, and the listing publishes
    String url = as(admin).post("/v1/channel-connections/{id}/reauthorize", connection).then().statusCode(200)
        .extract().path("authorizationUrl");
    SandboxConsent.complete(url);
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("IN_REVIEW"));
  }

  @Test
  void anUnauthorisedAppIsReportedAsUnauthorizedChannel_CH4() {
    String listing = draft(readyProduct(newSku()));
    channel.shop(ChannelSandbox.DEFAULT_SHOP).appUnauthorized(true);
    as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(409)
        .body("code", org.hamcrest.Matchers.equalTo("UNAUTHORIZED_CHANNEL"))
        .body("channelCode", org.hamcrest.Matchers.equalTo(40302));
    as(admin).get("/v1/channel-connections/{id}", connection).then()
        .body("status", org.hamcrest.Matchers.equalTo("UNAUTHORIZED_CHANNEL"));
  }

  @Test
  void aRejectedAuditFailsTheListingWithTheChannelsReasons_LST1() {
    String listing = draft(readyProduct(newSku()));
    String channelProduct = as(admin).post("/v1/listings/{id}/publish", listing).then().statusCode(200)
        .extract().path("channelProductId");
    io.restassured.RestAssured.given().contentType(ContentType.JSON)
        .body("{\"result\":\"REJECTED\",\"reasons\":[\"Main image shows a watermark\"]}")
        .post(channel.baseUrl() + "/sandbox/channel/products/" + channelProduct + "/audit").then().statusCode(200);
    as(admin).get("/v1/listings/{id}", listing).then().body("status", org.hamcrest.Matchers.equalTo("FAILED"))
        .body("failures[0].code", org.hamcrest.Matchers.equalTo("channel_audit_rejected"))
        .body("failures[0].message", org.hamcrest.Matchers.equalTo("Main image shows a watermark"));
    as(admin).get("/v1/listings/{id}/attempts", listing).then().body("[0].outcome", org.hamcrest.Matchers.equalTo("FAILED"))
        .body("[0].decidedAt", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void listingsAreTheSellersOwnAndBadInputIsRefused() {
    String listing = draft(readyProduct(newSku()));
    as(TestTokens.seller("seller-other", "seller-admin")).get("/v1/listings/{id}", listing).then().statusCode(404);
    as(TestTokens.seller("seller-other", "seller-admin")).post("/v1/listings/{id}/publish", listing).then()
        .statusCode(404);
    as(TestTokens.seller("seller-other", "seller-admin")).get("/v1/listings/{id}/attempts", listing).then()
        .statusCode(404);
    as(TestTokens.seller("seller-other", "seller-admin")).post("/v1/listings/{id}/recalibration", listing).then()
        .statusCode(404);
    as(admin).post("/v1/listings/{id}/recalibration", listing).then().statusCode(409)
        .body("code", org.hamcrest.Matchers.equalTo("NOT_DRIFTED"));
    as(TestTokens.seller("seller-other", "seller-admin")).body("{\"channelWarehouseId\":\"7100000000000001\"}")
        .put("/v1/channel-connections/{id}/warehouses/WH-1", connection).then().statusCode(404);
    as(TestTokens.seller(seller, "seller-operator")).body("{\"channelWarehouseId\":\"7100000000000001\"}")
        .put("/v1/channel-connections/{id}/warehouses/WH-1", connection).then().statusCode(403);
    as(admin).body("{\"channelWarehouseId\":\"\"}").put("/v1/channel-connections/{id}/warehouses/WH-1", connection)
        .then().statusCode(400).contentType("application/problem+json");
    as(TestTokens.staff("rita", "compliance-reviewer")).get("/v1/listings").then().statusCode(403);
    as(admin).body("{\"productId\":\"" + UUID.randomUUID() + "\",\"connectionId\":\"" + connection
        + "\",\"market\":\"XX\"}").post("/v1/listings").then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", hasItem("market"));
    as(admin).get("/v1/listings?status=SOMEWHERE").then().statusCode(400);
    as(admin).get("/v1/listings").then().statusCode(200).body("items.id", hasItem(listing))
        .body("items.status", not(hasItem("PUBLISHING")));
  }

}
