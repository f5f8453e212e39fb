package io.stockbridge.catalog.connection;

import static io.restassured.RestAssured.given;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.platform.alert.AlertReport;
import io.stockbridge.platform.alert.AlertReporting;
import io.stockbridge.catalog.ChannelSandboxResource.InjectChannel;
import io.stockbridge.catalog.SandboxConsent;
import io.stockbridge.catalog.connection.service.ChannelTokenRefresher;
import io.stockbridge.sandbox.channel.ChannelSandbox;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Channel connections against the channel sandbox: the seller's consent, the code exchange, sealed tokens, refresh
 * before expiry, a revoked authorisation, and a newer authorisation of the same shop.
 */
@QuarkusTest
class ChannelConnectionTest {
  @InjectChannel
  ChannelSandbox channel;

  @Inject
  ChannelTokenRefresher refresher;

  @Inject
  Pool pool;

  @Inject
  AlertReporting reporting;

  private final String seller = "seller-" + UUID.randomUUID();
  private final String admin = TestTokens.seller(seller, "seller-admin");

  @AfterEach
  void restoreChannel() {
    channel.tokens().lifetimes(Duration.ofDays(7), Duration.ofDays(365));
    channel.shop(ChannelSandbox.DEFAULT_SHOP).appUnauthorized(false);
    channel.faults().delay(Duration.ZERO);
    channel.webhooks().url(null);
  }

  private static Map<String, String> consent(String authorizationUrl) throws Exception {
    return SandboxConsent.consent(authorizationUrl);
  }

  private String connect() throws Exception {
    return SandboxConsent.connect(admin);
  }

  /** One refresher round, on a Vert.x context as the scheduler runs it. */
  private int refreshDue() throws Throwable {
    return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> refresher.refreshDue());
  }

  private String sealedAccessToken(String id) {
    return pool.preparedQuery("select access_token from channel_connection where id = $1")
        .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getString(0);
  }

  @Test
  void theSellerConsentsAndTheCodeBecomesSealedTokensWithTheirExpiry_CH1() throws Exception {
    var created = as(admin).body("{\"channel\":\"TIKTOK_SHOP\",\"region\":\"US\"}").post("/v1/channel-connections")
        .then().statusCode(201).body("connection.status", equalTo("PENDING_AUTHORIZATION"))
        .body("authorizationUrl", containsString("app_key=" + ChannelSandbox.DEFAULT_APP_KEY))
        .body("authorizationUrl", containsString("state=")).extract();
    io.stockbridge.catalog.SandboxConsent.freeTheSandboxShop(created.path("connection.id"));
    Map<String, String> back = consent(created.path("authorizationUrl"));
    String id = given().queryParam("state", back.get("state")).queryParam("code", back.get("code"))
        .get("/v1/channel-connections/callback").then().statusCode(200)
        .body("status", equalTo("ACTIVE")).body("shopId", equalTo(ChannelSandbox.DEFAULT_SHOP))
        .body("shopName", equalTo("Sandbox Seller Store")).body("accessTokenExpiresAt", notNullValue())
        .extract().path("id");
    assertThat(id).isEqualTo(created.path("connection.id"));
    OffsetDateTime expires = OffsetDateTime.parse(as(admin).get("/v1/channel-connections/{id}", id).then()
        .statusCode(200).body("accessToken", nullValue()).extract().path("accessTokenExpiresAt"));
    assertThat(expires).isBetween(OffsetDateTime.now().plusDays(6), OffsetDateTime.now().plusDays(8));
    // stored sealed, never in the clear
    assertThat(sealedAccessToken(id)).doesNotStartWith("TTP_").contains(":");
    // a state works once
    given().queryParam("state", back.get("state")).queryParam("code", back.get("code"))
        .get("/v1/channel-connections/callback").then().statusCode(400)
        .body("code", equalTo("INVALID_AUTHORIZATION_STATE"));
  }

  @Test
  void aForgedStateOrAMissingOneIsRefused() {
    given().queryParam("state", "forged").queryParam("code", "x").get("/v1/channel-connections/callback").then()
        .statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_AUTHORIZATION_STATE"));
    given().get("/v1/channel-connections/callback").then().statusCode(400).body("errors[0].field", equalTo("state"));
  }

  @Test
  void tokensAreRefreshedBeforeTheyExpire_CH1() throws Throwable {
    channel.tokens().lifetimes(Duration.ofHours(1), Duration.ofDays(365)); // inside the 24 h refresh window
    String id = connect();
    String before = sealedAccessToken(id);
    OffsetDateTime firstExpiry = OffsetDateTime.parse(as(admin).get("/v1/channel-connections/{id}", id).then()
        .extract().path("accessTokenExpiresAt"));
    channel.tokens().lifetimes(Duration.ofDays(7), Duration.ofDays(365));
    assertThat(refreshDue()).isGreaterThanOrEqualTo(1);
    as(admin).get("/v1/channel-connections/{id}", id).then().body("status", equalTo("ACTIVE"))
        .body("lastRefreshedAt", notNullValue());
    OffsetDateTime newExpiry = OffsetDateTime.parse(as(admin).get("/v1/channel-connections/{id}", id).then()
        .extract().path("accessTokenExpiresAt"));
    assertThat(newExpiry).isAfter(firstExpiry.plusDays(5));
    assertThat(sealedAccessToken(id)).isNotEqualTo(before);
  }

  @Test
  void aRefreshThatOverlapsTheSellersOwnChangeOfTheConnectionIsDropped() throws Throwable {
    channel.tokens().lifetimes(Duration.ofHours(1), Duration.ofDays(365));
    String id = connect();
    String before = sealedAccessToken(id);
    int refreshesBefore = channel.calls("/api/v2/token/refresh");
    channel.faults().delay(Duration.ofMillis(1500));
    java.util.concurrent.CompletableFuture<Integer> refresh = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return refreshDue();
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    });
    // once the refresh has reached the channel (which holds it 1.5 s), the seller starts a new consent: the
    // connection is no longer what the refresh read, so what the refresh brings back must not overwrite it
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> channel.calls("/api/v2/token/refresh") > refreshesBefore);
    as(admin).post("/v1/channel-connections/{id}/reauthorize", id).then().statusCode(200);
    refresh.get(20, java.util.concurrent.TimeUnit.SECONDS);
    // the channel did answer the refresh; its answer was dropped
    assertThat(sealedAccessToken(id)).isEqualTo(before);
    as(admin).get("/v1/channel-connections/{id}", id).then().body("status", equalTo("ACTIVE"))
        .body("lastRefreshedAt", nullValue());
  }

  @Test
  void aRevokedAuthorisationAsksTheSellerToAuthoriseAgainAndReauthorisationRestoresIt_CH3() throws Throwable {
    channel.tokens().lifetimes(Duration.ofHours(1), Duration.ofDays(365));
    String id = connect();
    channel.tokens().revoke(ChannelSandbox.DEFAULT_SHOP);
    refreshDue();
    as(admin).get("/v1/channel-connections/{id}", id).then().body("status", equalTo("REAUTHORIZATION_REQUIRED"))
        .body("statusReason", containsString("36004006")).body("statusReason", containsString("authorise again"));
    channel.tokens().lifetimes(Duration.ofDays(7), Duration.ofDays(365));
    reauthorise(id).body("id", equalTo(id)).body("status", equalTo("ACTIVE")).body("statusReason", nullValue());
  }

  @Test
  void aConnectionTheChannelRefusedIsReportedToTheAlertFeedUntilItWorksAgain_CH3() throws Throwable {
    channel.tokens().lifetimes(Duration.ofHours(1), Duration.ofDays(365));
    String id = connect();
    channel.tokens().revoke(ChannelSandbox.DEFAULT_SHOP);
    refreshDue();
    List<AlertReport> raised = reportAlerts();
    assertThat(raised).filteredOn(report -> report.cause().equals(id)).singleElement().satisfies(report -> {
      assertThat(report.type()).isEqualTo("CHANNEL_REAUTHORIZATION_REQUIRED");
      assertThat(report.state()).isEqualTo(AlertReport.State.RAISED);
      assertThat(report.summary()).contains("authorise again");
      assertThat(report.details()).containsEntry("connectionId", id);
    });
    assertThat(reportAlerts()).as("told once while it holds").noneMatch(report -> report.cause().equals(id));
    assertThat(alertEvents(id)).containsExactly("alert.raised");

    channel.tokens().lifetimes(Duration.ofDays(7), Duration.ofDays(365));
    reauthorise(id).body("status", equalTo("ACTIVE"));
    assertThat(reportAlerts()).filteredOn(report -> report.cause().equals(id)).singleElement()
        .satisfies(report -> assertThat(report.state()).isEqualTo(AlertReport.State.CLEARED));
    assertThat(alertEvents(id)).containsExactly("alert.raised", "alert.cleared");
  }

  @Test
  void theChannelsDeauthorizationNoticeAsksTheSellerToAuthoriseAgainAtOnce_CH3() throws Throwable {
    String id = connect();
    channel.webhooks().url("http://localhost:" + io.restassured.RestAssured.port + "/webhooks/channel/" + id);
    given().post(channel.baseUrl() + "/sandbox/channel/shops/{shop}/deauthorize", ChannelSandbox.DEFAULT_SHOP)
        .then().statusCode(200);
    assertThat(channel.webhooks().sent()).last().satisfies(sent -> assertThat(sent).containsEntry("status", 200));
    // before any push or refresh failed on it
    as(admin).get("/v1/channel-connections/{id}", id).then().body("status", equalTo("REAUTHORIZATION_REQUIRED"))
        .body("statusReason", containsString("removed the app"));
    assertThat(reportAlerts()).filteredOn(report -> report.cause().equals(id)).singleElement()
        .satisfies(report -> assertThat(report.type()).isEqualTo("CHANNEL_REAUTHORIZATION_REQUIRED"));
  }

  @Test
  void theChannelsExpiryNoticeWarnsTheSellerAheadUntilANewConsent_CH3() throws Throwable {
    String id = connect();
    assertThat(reportAlerts()).noneMatch(report -> report.cause().equals(id));
    channel.webhooks().url("http://localhost:" + io.restassured.RestAssured.port + "/webhooks/channel/" + id);
    given().contentType("application/json").body("{\"days\": 3}")
        .post(channel.baseUrl() + "/sandbox/channel/shops/{shop}/authorization-expiry", ChannelSandbox.DEFAULT_SHOP)
        .then().statusCode(200);
    as(admin).get("/v1/channel-connections/{id}", id).then().body("status", equalTo("ACTIVE"));
    assertThat(reportAlerts()).filteredOn(report -> report.cause().equals(id)).singleElement().satisfies(report -> {
      assertThat(report.type()).isEqualTo("CHANNEL_AUTHORIZATION_EXPIRING");
      assertThat(report.state()).isEqualTo(AlertReport.State.RAISED);
      assertThat(report.summary()).contains("must be authorised again by");
      assertThat(report.details()).containsEntry("source", "channel notice");
    });

    reauthorise(id).body("status", equalTo("ACTIVE"));
    assertThat(reportAlerts()).filteredOn(report -> report.cause().equals(id)).singleElement()
        .satisfies(report -> assertThat(report.state()).isEqualTo(AlertReport.State.CLEARED));
  }

  @Test
  void aRefreshTokenAboutToLapseWarnsTheSellerWithoutANotice_CH3() throws Throwable {
    channel.tokens().lifetimes(Duration.ofDays(1), Duration.ofDays(2));
    String id = connect();
    assertThat(reportAlerts()).filteredOn(report -> report.cause().equals(id)).singleElement().satisfies(report -> {
      assertThat(report.type()).isEqualTo("CHANNEL_AUTHORIZATION_EXPIRING");
      assertThat(report.details()).containsEntry("source", "refresh token");
    });
  }

  /** The seller authorises the connection again on the channel; the callback's answer. */
  private io.restassured.response.ValidatableResponse reauthorise(String id) throws Exception {
    String url = as(admin).post("/v1/channel-connections/{id}/reauthorize", id).then().statusCode(200)
        .extract().path("authorizationUrl");
    Map<String, String> back = consent(url);
    return given().queryParam("state", back.get("state")).queryParam("code", back.get("code"))
        .get("/v1/channel-connections/callback").then().statusCode(200);
  }

  private List<AlertReport> reportAlerts() throws Throwable {
    return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> reporting.report());
  }

  /** The alert reports of a connection in the outbox, for inventory-service's feed, in the order written. */
  private List<String> alertEvents(String connectionId) {
    List<String> types = new java.util.ArrayList<>();
    pool.preparedQuery("select event_type from outbox_event where destination = 'inventory-service' and path = $1 "
            + "and seller_id = $2 and payload like $3 order by created_at, event_type desc")
        .execute(Tuple.of(AlertReport.PATH, seller, "%" + connectionId + "%")).await().indefinitely()
        .forEach(row -> types.add(row.getString(0)));
    return types;
  }

  @Test
  void aNewAuthorisationOfTheSameShopRevokesTheOldConnection_CH2() throws Exception {
    String first = connect();
    String second = connect();
    as(admin).get("/v1/channel-connections/{id}", first).then().body("status", equalTo("REVOKED"))
        .body("statusReason", containsString(second));
    as(admin).get("/v1/channel-connections/{id}", second).then().body("status", equalTo("ACTIVE"));
    as(admin).post("/v1/channel-connections/{id}/reauthorize", first).then().statusCode(409)
        .body("code", equalTo("CONNECTION_REVOKED"));
  }

  @Test
  void aShopLiveUnderAnotherSellerIsRefusedAndThatSellersConnectionIsUntouched() throws Exception {
    String held = connect();
    String other = TestTokens.seller("seller-" + UUID.randomUUID(), "seller-admin");
    var created = as(other).body("{\"channel\":\"TIKTOK_SHOP\",\"region\":\"US\"}").post("/v1/channel-connections")
        .then().statusCode(201).extract();
    Map<String, String> back = consent(created.path("authorizationUrl"));
    given().queryParam("state", back.get("state")).queryParam("code", back.get("code"))
        .get("/v1/channel-connections/callback").then().statusCode(409).contentType("application/problem+json")
        .body("code", equalTo("SHOP_CONNECTED_TO_ANOTHER_SELLER"));
    as(admin).get("/v1/channel-connections/{id}", held).then().body("status", equalTo("ACTIVE"));
    as(other).get("/v1/channel-connections/{id}", created.path("connection.id").toString()).then()
        .body("status", equalTo("PENDING_AUTHORIZATION")).body("statusReason", containsString("another seller"))
        .body("shopId", nullValue());
  }

  @Test
  void connectionsAreTheSellersOwnAndOnlyItsAdminConnects() throws Exception {
    String id = connect();
    as(TestTokens.seller("seller-" + UUID.randomUUID(), "seller-admin")).get("/v1/channel-connections/{id}", id)
        .then().statusCode(404);
    as(TestTokens.seller(seller, "seller-operator")).get("/v1/channel-connections/{id}", id).then().statusCode(200);
    as(TestTokens.seller(seller, "seller-operator")).body("{\"channel\":\"TIKTOK_SHOP\",\"region\":\"US\"}")
        .post("/v1/channel-connections").then().statusCode(403);
    as(admin).body("{\"channel\":\"EBAY\",\"region\":\"US\"}").post("/v1/channel-connections").then().statusCode(400)
        .contentType("application/problem+json");
    as(admin).body("{\"channel\":\"TIKTOK_SHOP\",\"region\":\"usa\"}").post("/v1/channel-connections").then()
        .statusCode(400).body("errors[0].field", equalTo("region"));
    given().get("/v1/channel-connections").then().statusCode(401);
  }
}
