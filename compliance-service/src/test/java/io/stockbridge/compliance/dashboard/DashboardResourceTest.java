package io.stockbridge.compliance.dashboard;

import static io.stockbridge.compliance.Fixtures.newSeller;
import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.compliance.Fixtures.Seller;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class DashboardResourceTest {
  @Inject
  SettableClock clock;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void showsWhatBlocksEachProductTodayAndWhatExpiresSoon() {
    Seller seller = newSeller();
    String eprDe = seller.verified("EPR_REGISTRATION", "DE", "expiresAt",
        LocalDate.now(ZoneOffset.UTC).plusDays(40).toString());
    as(seller.token()).body("{\"market\":\"DE\",\"category\":\"Garden\",\"productId\":\"hose\"}").post("/v1/checks")
        .then().body("compliant", equalTo(true));
    as(seller.token()).body("{\"market\":\"DE\",\"category\":\"Spaceships\",\"productId\":\"rocket\"}")
        .post("/v1/checks").then().body("compliant", equalTo(false));
    as(seller.token()).queryParam("market", "DE").get("/v1/dashboard").then().statusCode(200)
        .body("markets", hasSize(1))
        .body("markets[0].products.productId", contains("hose", "rocket"))
        .body("markets[0].products.publishable", contains(true, false))
        .body("markets[0].products[1].blockers.code", contains("category_unknown"));
    // 35 days on, the EPR registration expires in 5 days: the product is still publishable but flagged
    clock.advance(Duration.ofDays(35));
    as(seller.token()).queryParam("market", "DE").get("/v1/dashboard").then()
        .body("markets[0].products[0].publishable", equalTo(true))
        .body("markets[0].products[0].warnings.code", contains("document_expiring"))
        .body("markets[0].expiringDocuments.id", contains(eprDe));
    // and once its date has come, the dashboard says so before the next publish fails
    clock.advance(Duration.ofDays(5));
    as(seller.token()).queryParam("market", "DE").get("/v1/dashboard").then()
        .body("markets[0].products[0].publishable", equalTo(false))
        .body("markets[0].products[0].blockers.code", contains("document_expired"));
    as(seller.token()).queryParam("market", "DE").queryParam("limit", 1).get("/v1/dashboard").then()
        .body("markets[0].products.productId", contains("hose"))
        .body("markets[0].nextAfterProductId", equalTo("hose"));
  }

  @Test
  void saysPayoutsAreAtRiskWithoutAVerifiedTaxId_CMP4() {
    Seller seller = newSeller();
    as(TestTokens.service("catalog-service")).header("Stockbridge-Seller-Id", seller.id())
        .body("{\"market\":\"TH\",\"month\":\"" + YearMonth.now(ZoneOffset.UTC) + "\",\"amountUsd\":2500}")
        .post("/internal/v1/sales").then().statusCode(200);
    as(seller.token()).get("/v1/dashboard").then().statusCode(200)
        .body("markets.market", contains("TH"))
        .body("markets[0].payouts.atRisk", equalTo(true))
        .body("markets[0].payouts.reason", containsString("payouts are frozen"));
    seller.verified("TIN", "TH");
    as(seller.token()).queryParam("market", "TH").get("/v1/dashboard").then()
        .body("markets[0].payouts.atRisk", equalTo(false)).body("markets[0].payouts.tinRequired", equalTo(true));
  }

  @Test
  void showsOnlyTheSellersOwnProducts() {
    Seller alice = newSeller();
    as(alice.token()).body("{\"market\":\"FR\",\"category\":\"Garden\",\"productId\":\"alice-hose\"}")
        .post("/v1/checks").then().statusCode(200);
    as(newSeller().token()).queryParam("market", "FR").get("/v1/dashboard").then()
        .body("markets[0].products", hasSize(0));
    as(TestTokens.staff("rita", "compliance-reviewer")).get("/v1/dashboard").then().statusCode(403);
  }
}
