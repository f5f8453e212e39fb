package io.stockbridge.compliance.check;

import static io.stockbridge.compliance.Fixtures.PLATFORM_ADMIN;
import static io.stockbridge.compliance.Fixtures.newSeller;
import static io.stockbridge.compliance.Fixtures.review;
import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.stockbridge.compliance.Fixtures.Seller;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class PublicationCheckTest {
  @Inject
  SettableClock clock;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private static final String EARBUDS = """
      {"market":"US","category":"Phones & Electronics/Audio","productId":"%s","skuIds":["EAR-BLK","EAR-WHT"],
       "facts":{"title":"Wireless earbuds","brand":"Sonora","modelNumber":"SN-200",
                "modelFirstRegisteredAt":"%s","attributes":{"wireless":true,"battery":true}}}""";
  private static final String SERUM = """
      {"market":"US","category":"Beauty/Skincare","productId":"serum-1","skuIds":["SER-30ML"],
       "facts":{"title":"Hydrating serum","ingredients":%s}}""";

  private static ValidatableResponse check(Seller seller, String body) {
    return as(seller.token()).body(body).post("/v1/checks").then().statusCode(200);
  }

  private static String earbuds(LocalDate modelRegistered) {
    return EARBUDS.formatted("earbuds-" + UUID.randomUUID(), modelRegistered);
  }

  @Test
  void usElectronicsWithoutDocumentsNeedAnFccIdAndReport_CMP1_LST1() {
    check(newSeller(), earbuds(LocalDate.of(2024, 1, 1)))
        .body("compliant", equalTo(false))
        .body("ruleVersion", greaterThan(0))
        .body("failures.code", containsInAnyOrder("missing_fcc_id", "missing_fcc_test_report"))
        .body("failures.documentType", containsInAnyOrder("FCC_ID", "FCC_TEST_REPORT"))
        .body("failures[0].field", equalTo("documents.FCC_ID"))
        .body("failures[0].message", containsString("POST /v1/documents"));
  }

  @Test
  void verifiedFccDocumentsMakeUsElectronicsCompliant_CMP1() {
    Seller seller = newSeller();
    seller.verified("FCC_ID", "US");
    seller.verified("FCC_TEST_REPORT", "US");
    check(seller, earbuds(LocalDate.now().minusYears(1)))
        .body("compliant", equalTo(true)).body("failures", empty()).body("warnings", empty());
  }

  @Test
  void onlyAVerifiedDocumentCounts_CMP2() {
    Seller seller = newSeller();
    seller.submit("FCC_ID", "US");
    String report = seller.submit("FCC_TEST_REPORT", "US");
    review(report, "PENDING_REVIEW", null);
    check(seller, earbuds(LocalDate.of(2024, 1, 1)))
        .body("compliant", equalTo(false))
        .body("failures.code", contains("document_pending_review", "document_pending_review"))
        .body("failures[1].message", containsString("pending review"));
  }

  @Test
  void anExpiredDocumentFailsAndOneExpiringSoonWarns_CMP2() {
    Seller seller = newSeller();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // two days on, the FCC ID expired yesterday and the test report expires in 20 days
    seller.verified("FCC_ID", "US", "expiresAt", today.plusDays(1).toString());
    seller.verified("FCC_TEST_REPORT", "US", "expiresAt", today.plusDays(22).toString());
    clock.advance(Duration.ofDays(2));
    check(seller, earbuds(today.minusYears(2)))
        .body("compliant", equalTo(false))
        .body("failures.code", contains("document_expired"))
        .body("failures[0].documentType", equalTo("FCC_ID"))
        .body("failures[0].message", containsString("expired on " + today.plusDays(1)))
        .body("warnings.code", contains("document_expiring"))
        .body("warnings[0].documentType", equalTo("FCC_TEST_REPORT"));
  }

  @Test
  void aRejectedDocumentIsExplained() {
    Seller seller = newSeller();
    seller.verified("FCC_ID", "US");
    String report = seller.submit("FCC_TEST_REPORT", "US");
    review(report, "PENDING_REVIEW", null);
    review(report, "REJECTED", "Report is for another model");
    check(seller, earbuds(LocalDate.of(2024, 1, 1)))
        .body("failures.code", contains("missing_fcc_test_report"))
        .body("failures[0].message", containsString("rejected: Report is for another model"));
  }

  @Test
  void anFccReportDatedBeforeTheModelsRegistrationFails_CMP3() {
    Seller seller = newSeller();
    seller.verified("FCC_ID", "US");
    seller.verified("FCC_TEST_REPORT", "US"); // issued six months ago
    check(seller, earbuds(LocalDate.now().minusMonths(2)))
        .body("compliant", equalTo(false))
        .body("failures.code", contains("fcc_report_predates_model_registration"))
        .body("failures[0].field", equalTo("facts.modelFirstRegisteredAt"));
  }

  @Test
  void skuScopedDocumentsMustCoverEverySku() {
    Seller seller = newSeller();
    seller.verified("FCC_ID", "US");
    seller.verified("FCC_TEST_REPORT", "US", "scope", "SKU", "scopeId", "EAR-BLK");
    check(seller, earbuds(LocalDate.of(2024, 1, 1)))
        .body("failures.code", contains("missing_fcc_test_report"))
        .body("failures[0].field", equalTo("skuIds"))
        .body("failures[0].message", containsString("EAR-WHT"));
    seller.verified("FCC_TEST_REPORT", "US", "scope", "SKU", "scopeId", "EAR-WHT");
    check(seller, earbuds(LocalDate.of(2024, 1, 1))).body("compliant", equalTo(true));
  }

  @Test
  void anotherSellersDocumentsNeverCount() {
    Seller alice = newSeller();
    alice.verified("FCC_ID", "US");
    alice.verified("FCC_TEST_REPORT", "US");
    check(newSeller(), earbuds(LocalDate.of(2024, 1, 1))).body("compliant", equalTo(false));
  }

  @Test
  void usCosmeticsNeedFdaRegistrationCpiAndInciNames_CMP1_CMP3() {
    Seller seller = newSeller();
    check(seller, SERUM.formatted("[\"Aqua\",\"Glycerin\"]"))
        .body("failures.code", containsInAnyOrder("fda_registration_not_verified", "missing_cpi"));
    seller.verified("FDA_FACILITY_REGISTRATION", "US");
    seller.verified("CPI", "US");
    check(seller, SERUM.formatted("[\"Purified Water\",\"glycerin\",\"Vitamin E\",\"Niacinamide\",\"Moon Dust\"]"))
        .body("compliant", equalTo(false))
        .body("failures.code", contains("cpi_ingredient_not_inci", "cpi_ingredient_not_inci"))
        .body("failures[0].field", equalTo("facts.ingredients[0]"))
        .body("failures[0].suggestion", equalTo("Aqua"))
        .body("failures[0].message", containsString("'Purified Water' is not an INCI name"))
        .body("failures[1].field", equalTo("facts.ingredients[2]"))
        .body("failures[1].suggestion", equalTo("Tocopherol"))
        .body("warnings.code", contains("ingredient_not_in_inci_dictionary"))
        .body("warnings[0].field", equalTo("facts.ingredients[4]"));
    // "Water" is the US INCI spelling of Aqua: accepted, as is any case or spacing
    check(seller, SERUM.formatted("[\"Water\",\"GLYCERIN\",\"sodium  hyaluronate\",\"Tocopherol\"]"))
        .body("compliant", equalTo(true));
    check(seller, SERUM.formatted("[]")).body("failures.code", contains("cpi_ingredients_missing"));
  }

  @Test
  void germanyAndFranceNeedEpr_CMP1() {
    Seller seller = newSeller();
    for (String market : new String[] { "DE", "FR" }) {
      as(seller.token()).body("{\"market\":\"" + market + "\",\"category\":\"Home & Living\",\"productId\":\"mug\"}")
          .post("/v1/checks").then().statusCode(200).body("failures.code", contains("missing_epr_registration"));
    }
    seller.verified("EPR_REGISTRATION", "DE");
    as(seller.token()).body("{\"market\":\"DE\",\"category\":\"Home & Living\",\"productId\":\"mug\"}")
        .post("/v1/checks").then().body("compliant", equalTo(true));
    // a German registration says nothing about France
    as(seller.token()).body("{\"market\":\"FR\",\"category\":\"Home & Living\",\"productId\":\"mug\"}")
        .post("/v1/checks").then().body("failures.code", contains("missing_epr_registration"));
  }

  @Test
  void aChildrensProductNeedsCpscWhateverItsCategory_CMP1() {
    as(newSeller().token()).body("""
        {"market":"US","category":"Home Supplies","productId":"nightlight",
         "facts":{"attributes":{"forChildren":"true"}}}""").post("/v1/checks").then()
        .body("failures.code", contains("missing_cpsc_statement"));
    as(newSeller().token()).body("""
        {"market":"US","category":"Home Supplies","productId":"lamp","facts":{"attributes":{"forChildren":false}}}""")
        .post("/v1/checks").then().body("compliant", equalTo(true));
  }

  @Test
  void anInvitationOnlyCategoryFailsUntilAccessIsApproved_LST2() {
    Seller seller = newSeller();
    String body = "{\"market\":\"US\",\"category\":\"Health Supplements/Vitamins\",\"productId\":\"vit-c\"}";
    check(seller, body).body("failures.code", contains("category_not_whitelisted"))
        .body("failures[0].field", equalTo("category"))
        .body("failures[0].message", containsString("POST /v1/category-access-requests"));
    String request = as(seller.token()).body("{\"market\":\"US\",\"category\":\"Health Supplements\"}")
        .post("/v1/category-access-requests").then().statusCode(201).extract().path("id");
    check(seller, body).body("failures.code", contains("category_access_pending"));
    as(PLATFORM_ADMIN).body("{\"decision\":\"APPROVED\"}").post("/v1/category-access-requests/{id}/decision", request)
        .then().statusCode(200);
    check(seller, body).body("compliant", equalTo(true));
    // the approval is this seller's alone
    check(newSeller(), body).body("failures.code", contains("category_not_whitelisted"));
  }

  @Test
  void aRejectedAccessRequestIsExplained_LST2() {
    Seller seller = newSeller();
    String request = as(seller.token()).body("{\"market\":\"US\",\"category\":\"Pre-Owned\"}")
        .post("/v1/category-access-requests").then().statusCode(201).extract().path("id");
    as(PLATFORM_ADMIN).body("{\"decision\":\"REJECTED\",\"reason\":\"No resale licence\"}")
        .post("/v1/category-access-requests/{id}/decision", request).then().statusCode(200);
    check(seller, "{\"market\":\"US\",\"category\":\"Pre-Owned\",\"productId\":\"p\"}")
        .body("failures.code", contains("category_not_whitelisted"))
        .body("failures[0].message", containsString("rejected: No resale licence"));
  }

  @Test
  void anUnknownCategoryIsNamed() {
    check(newSeller(), "{\"market\":\"US\",\"category\":\"Spaceships\",\"productId\":\"p\"}")
        .body("failures.code", contains("category_unknown"));
  }

  @Test
  void theSameCategoryIsOpenOutsideTheUs_LST2() {
    check(newSeller(), "{\"market\":\"VN\",\"category\":\"Health Supplements\",\"productId\":\"p\"}")
        .body("compliant", equalTo(true));
  }

  @Test
  void aTaxIdIsRequiredOnceMonthlySalesPassTheThreshold_CMP4() {
    Seller seller = newSeller();
    String body = "{\"market\":\"VN\",\"category\":\"Home & Living\",\"productId\":\"mug\"}";
    String service = TestTokens.service("catalog-service");
    String month = java.time.YearMonth.now(ZoneOffset.UTC).toString();
    as(service).header("Stockbridge-Seller-Id", seller.id())
        .body("{\"market\":\"VN\",\"month\":\"" + month + "\",\"amountUsd\":1000.00}").post("/internal/v1/sales")
        .then().statusCode(200).body("tinRequired", equalTo(false));
    check(seller, body).body("compliant", equalTo(true));
    as(service).header("Stockbridge-Seller-Id", seller.id())
        .body("{\"market\":\"VN\",\"month\":\"" + month + "\",\"amountUsd\":1000.01}").post("/internal/v1/sales")
        .then().statusCode(200).body("tinRequired", equalTo(true));
    check(seller, body).body("compliant", equalTo(false)).body("failures.code", contains("tin_required"))
        .body("failures[0].message", containsString("payouts are frozen"));
    // Thailand is a separate market: the Vietnamese sales do not make a tax id necessary there
    check(seller, "{\"market\":\"TH\",\"category\":\"Home & Living\",\"productId\":\"mug\"}")
        .body("compliant", equalTo(true));
    String tin = seller.submit("TIN", "VN");
    check(seller, body).body("failures.code", contains("tin_required"))
        .body("failures[0].message", containsString("submitted"));
    review(tin, "PENDING_REVIEW", null);
    review(tin, "VERIFIED", null);
    check(seller, body).body("compliant", equalTo(true));
  }

  @Test
  void salesOutsideTheTaxIdMarketsNeverRequireOne_CMP4() {
    Seller seller = newSeller();
    as(TestTokens.service("catalog-service")).header("Stockbridge-Seller-Id", seller.id())
        .body("{\"market\":\"UK\",\"month\":\"2026-01\",\"amountUsd\":50000}").post("/internal/v1/sales").then()
        .statusCode(200).body("tinRequired", equalTo(false));
  }

  @Test
  void salesReportsAreValidatedAndInternal() {
    Seller seller = newSeller();
    as(seller.token()).body("{\"market\":\"VN\",\"month\":\"2026-01\",\"amountUsd\":5}").post("/internal/v1/sales")
        .then().statusCode(403);
    as(TestTokens.service("catalog-service")).header("Stockbridge-Seller-Id", seller.id())
        .body("{\"market\":\"VN\",\"month\":\"2026-13\",\"amountUsd\":-5}").post("/internal/v1/sales").then()
        .statusCode(400).body("errors.field", hasItem("amountUsd"));
    as(TestTokens.service("catalog-service")).header("Stockbridge-Seller-Id", seller.id())
        .body("{\"market\":\"VN\",\"month\":\"2026-13\",\"amountUsd\":5}").post("/internal/v1/sales").then()
        .statusCode(400).body("errors[0].field", equalTo("month"));
  }

  @Test
  void theCheckRecordsItsRuleVersionAndARuleChangeAppliesToTheNextCheck_CMP1() {
    Seller seller = newSeller();
    String body = "{\"market\":\"UK\",\"category\":\"Sports & Outdoor\",\"productId\":\"torch\","
        + "\"facts\":{\"attributes\":{\"battery\":\"true\"}}}";
    int before = check(seller, body).body("compliant", equalTo(true)).extract().path("ruleVersion");
    int after = as(PLATFORM_ADMIN).body("""
        {"market":"UK","categoryPath":"*","conditions":{"battery":"true"},"documentTypes":["UKCA_DECLARATION"],
         "description":"Battery-powered products sold in the UK need a UKCA declaration"}""")
        .post("/v1/requirement-rules").then().statusCode(201).extract().path("version");
    String checkId = check(seller, body).body("compliant", equalTo(false))
        .body("failures.code", contains("missing_ukca_declaration")).body("ruleVersion", equalTo(after))
        .extract().path("id");
    org.assertj.core.api.Assertions.assertThat(after).isGreaterThan(before);
    as(seller.token()).get("/v1/checks/{id}", checkId).then().statusCode(200).body("ruleVersion", equalTo(after))
        .body("failures.code", contains("missing_ukca_declaration"));
    as(newSeller().token()).get("/v1/checks/{id}", checkId).then().statusCode(404);
  }

  @Test
  void catalogServiceChecksOnBehalfOfASeller() {
    Seller seller = newSeller();
    seller.verified("EPR_REGISTRATION", "FR");
    String service = TestTokens.service("catalog-service");
    as(service).header("Stockbridge-Seller-Id", seller.id())
        .body("{\"market\":\"FR\",\"category\":\"Home & Living\",\"productId\":\"mug\"}").post("/v1/checks").then()
        .statusCode(200).body("compliant", equalTo(true)).body("checkedBy", equalTo("service-account-catalog-service"));
    as(service).body("{\"market\":\"FR\",\"category\":\"Home & Living\",\"productId\":\"mug\"}").post("/v1/checks")
        .then().statusCode(400).body("code", equalTo("SELLER_REQUIRED"));
  }

  @Test
  void badCheckRequestsAnswer400WithFields() {
    as(newSeller().token()).body("{\"market\":\"MARS\",\"category\":\"x\",\"productId\":\"p\"}").post("/v1/checks")
        .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("market"));
    as(newSeller().token()).body("{\"market\":\"US\"}").post("/v1/checks").then().statusCode(400)
        .body("errors.field", hasItem("category")).body("errors.field", hasItem("productId"));
    as(newSeller().token()).body("{\"market\":\"US\",\"category\":\"Beauty\",\"productId\":\"p\","
        + "\"facts\":{\"modelFirstRegisteredAt\":\"yesterday\"}}").post("/v1/checks").then().statusCode(400)
        .contentType("application/problem+json").body("errors[0].field", containsString("modelFirstRegisteredAt"));
    as(TestTokens.staff("rita", "compliance-reviewer"))
        .body("{\"market\":\"US\",\"category\":\"Beauty\",\"productId\":\"p\"}").post("/v1/checks").then()
        .statusCode(403);
  }

  @Test
  void checksAreListedPerProduct() {
    Seller seller = newSeller();
    check(seller, "{\"market\":\"DE\",\"category\":\"Garden\",\"productId\":\"hose\"}");
    check(seller, "{\"market\":\"DE\",\"category\":\"Garden\",\"productId\":\"rake\"}");
    as(seller.token()).queryParam("productId", "hose").get("/v1/checks").then().statusCode(200)
        .body("items.productId", contains("hose")).body("items.productId", not(hasItem("rake")));
  }
}
