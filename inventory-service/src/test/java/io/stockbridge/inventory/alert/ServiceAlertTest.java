package io.stockbridge.inventory.alert;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.BOB;
import static io.stockbridge.inventory.StockFixture.SELLER_HEADER;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.stockbridge.testing.TestTokens;

/**
 * Alerts the other services raise through their outbox (WH-2, CH-3, CH-4, ...): each report applies once and in
 * order per cause, whatever the outbox repeats or reorders on the way.
 */
@QuarkusTest
class ServiceAlertTest {
  private static final String CATALOG = TestTokens.service("catalog-service");
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  private final String connection = UUID.randomUUID().toString();

  private static ValidatableResponse report(String seller, String type, String cause, String state,
      OffsetDateTime observedAt, String reason) {
    return as(CATALOG).header(SELLER_HEADER, seller).body("""
            {"type": "%s", "cause": "%s", "state": "%s", "summary": "The channel connection needs the seller",
             "details": {"connectionId": "%s", "reason": "%s"}, "observedAt": "%s"}""".formatted(type, cause, state,
            cause, reason, observedAt))
        .post("/internal/v1/alerts").then();
  }

  private List<Map<String, Object>> alerts(String seller) {
    return as(TestTokens.seller(seller, "seller-admin")).queryParam("type", "CHANNEL_REAUTHORIZATION_REQUIRED")
        .queryParam("limit", 500).get("/v1/alerts").then().statusCode(200).extract().jsonPath()
        .getList("items.findAll { it.details.connectionId == '" + connection + "' }");
  }

  @Test
  void aReportedCauseOpensOneAlertAndItsClearResolvesItOnceWhateverTheOrderOfArrival_CH3() {
    String id = report("seller-a", "CHANNEL_REAUTHORIZATION_REQUIRED", connection, "RAISED", T0, "401 first")
        .statusCode(200).body("outcome", equalTo("OPENED")).extract().path("alertId");
    report("seller-a", "CHANNEL_REAUTHORIZATION_REQUIRED", connection, "RAISED", T0, "401 first").statusCode(200)
        .body("outcome", equalTo("IGNORED"));
    report("seller-a", "CHANNEL_REAUTHORIZATION_REQUIRED", connection, "RAISED", T0.plusMinutes(1), "401 again")
        .statusCode(200).body("outcome", equalTo("UPDATED")).body("alertId", equalTo(id));
    assertThat(alerts("seller-a")).singleElement().satisfies(alert -> {
      assertThat(alert.get("status")).isEqualTo("OPEN");
      assertThat(alert.get("raisedBy")).isEqualTo("catalog-service");
      assertThat(alert.get("details").toString()).contains("401 again");
    });

    // the clear overtakes a late raise: the late raise reopens nothing
    report("seller-a", "CHANNEL_REAUTHORIZATION_REQUIRED", connection, "CLEARED", T0.plusMinutes(3), "")
        .statusCode(200).body("outcome", equalTo("RESOLVED")).body("alertId", equalTo(id));
    report("seller-a", "CHANNEL_REAUTHORIZATION_REQUIRED", connection, "RAISED", T0.plusMinutes(2), "401 late")
        .statusCode(200).body("outcome", equalTo("IGNORED"));
    assertThat(alerts("seller-a")).singleElement().satisfies(alert -> {
      assertThat(alert.get("status")).isEqualTo("RESOLVED");
      assertThat(alert.get("resolution")).isEqualTo("cleared by catalog-service");
    });

    // the cause again, later: a new alert
    String again = report("seller-a", "CHANNEL_REAUTHORIZATION_REQUIRED", connection, "RAISED", T0.plusMinutes(4),
        "401 once more").statusCode(200).body("outcome", equalTo("OPENED")).extract().path("alertId");
    assertThat(again).isNotEqualTo(id);
    assertThat(alerts("seller-a")).hasSize(2);
    as(BOB).get("/v1/alerts/{id}", again).then().statusCode(404);
  }

  @Test
  void aClearArrivingBeforeItsRaiseLeavesNothingOpen_CH3() {
    report("seller-a", "CHANNEL_REAUTHORIZATION_REQUIRED", connection, "CLEARED", T0.plusMinutes(1), "")
        .statusCode(200).body("outcome", equalTo("IGNORED"));
    report("seller-a", "CHANNEL_REAUTHORIZATION_REQUIRED", connection, "RAISED", T0, "401")
        .statusCode(200).body("outcome", equalTo("IGNORED"));
    assertThat(alerts("seller-a")).isEmpty();
  }

  @Test
  void onlyServicesReportAndOnlyTheTypesTheyRaise() {
    report("seller-a", "BELOW_SAFETY_STOCK", connection, "RAISED", T0, "").statusCode(422)
        .body("code", equalTo("ALERT_TYPE_NOT_REPORTABLE"));
    report("seller-a", "NO_SUCH_TYPE", connection, "RAISED", T0, "").statusCode(400);
    as(ALICE).body("{\"type\": \"WAREHOUSE_STALE\", \"cause\": \"x\", \"state\": \"RAISED\", \"summary\": \"s\", "
        + "\"observedAt\": \"" + T0 + "\"}").post("/internal/v1/alerts").then().statusCode(403);
    as(CATALOG).header(SELLER_HEADER, "seller-a").body("{\"type\": \"WAREHOUSE_STALE\", \"state\": \"RAISED\"}")
        .post("/internal/v1/alerts").then().statusCode(400);
  }
}
