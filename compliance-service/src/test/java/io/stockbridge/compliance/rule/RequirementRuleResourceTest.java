package io.stockbridge.compliance.rule;

import static io.stockbridge.compliance.Fixtures.PLATFORM_ADMIN;
import static io.stockbridge.compliance.Fixtures.newSeller;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RequirementRuleResourceTest {
  private static final String RULE = """
      {"market":"ID","categoryPath":"Kitchenware","conditions":{"electric":"true"},
       "documentTypes":["SGS_TEST_REPORT","CPSC_STATEMENT"],"description":"%s"}""";

  @Test
  void theSeededRulesCoverEveryMarketOfTheRules_CMP1() {
    List<Map<String, Object>> rules = as(newSeller().token()).get("/v1/requirement-rules").then().statusCode(200)
        .extract().path("rules");
    assertThat(rules).anySatisfy(rule -> assertThat(rule).containsEntry("market", "US")
        .containsEntry("categoryPath", "Phones & Electronics")
        .containsEntry("documentTypes", List.of("FCC_ID", "FCC_TEST_REPORT")));
    assertThat(rules).anySatisfy(rule -> assertThat(rule).containsEntry("market", "US")
        .containsEntry("categoryPath", "Beauty").containsEntry("documentTypes", List.of("FDA_FACILITY_REGISTRATION", "CPI")));
    for (String[] expected : new String[][] { { "DE", "EPR_REGISTRATION" }, { "FR", "EPR_REGISTRATION" },
        { "UK", "UKCA_DECLARATION" }, { "ID", "SGS_TEST_REPORT" }, { "TH", "THAI_FDA_LICENCE" },
        { "US", "CPSC_STATEMENT" } }) {
      assertThat(rules).as(expected[0] + " needs " + expected[1]).anySatisfy(rule -> assertThat(rule)
          .containsEntry("market", expected[0]).extracting("documentTypes").asList().contains(expected[1]));
    }
    as(newSeller().token()).queryParam("market", "US").get("/v1/requirement-rules").then()
        .body("rules.market", everyItem(equalTo("US")));
  }

  @Test
  void everyChangeMakesANewVersionAndOldVersionsStayReadable_CMP1() {
    int added = as(PLATFORM_ADMIN).body(RULE.formatted("Electric kitchenware needs an SGS report"))
        .post("/v1/requirement-rules").then().statusCode(201).extract().path("version");
    String ruleId = as(PLATFORM_ADMIN).queryParam("market", "ID").get("/v1/requirement-rules").then()
        .body("version", equalTo(added)).extract()
        .path("rules.find { it.description == 'Electric kitchenware needs an SGS report' }.id");
    int changed = as(PLATFORM_ADMIN).body(RULE.formatted("Electric kitchenware needs SGS and CPSC"))
        .put("/v1/requirement-rules/{id}", ruleId).then().statusCode(200).extract().path("version");
    int removed = as(PLATFORM_ADMIN).queryParam("note", "Superseded by the national standard")
        .delete("/v1/requirement-rules/{id}", ruleId).then().statusCode(200).extract().path("version");
    assertThat(List.of(added, changed, removed)).isSorted().doesNotHaveDuplicates();
    as(PLATFORM_ADMIN).queryParam("version", added).get("/v1/requirement-rules").then()
        .body("rules.description", hasItem("Electric kitchenware needs an SGS report"));
    as(PLATFORM_ADMIN).queryParam("version", changed).get("/v1/requirement-rules").then()
        .body("rules.description", hasItem("Electric kitchenware needs SGS and CPSC"))
        .body("rules.description", not(hasItem("Electric kitchenware needs an SGS report")));
    as(PLATFORM_ADMIN).queryParam("version", removed).get("/v1/requirement-rules").then()
        .body("rules.id", not(hasItem(ruleId))).body("change", equalTo("Superseded by the national standard"))
        .body("createdBy", equalTo("paul"));
    as(PLATFORM_ADMIN).get("/v1/requirement-rules/versions").then().statusCode(200)
        .body("version", hasItem(removed)).body("version", hasItem(1));
    as(PLATFORM_ADMIN).delete("/v1/requirement-rules/{id}", ruleId).then().statusCode(404);
  }

  @Test
  void onlyAPlatformAdminChangesRules() {
    as(newSeller().token()).body(RULE.formatted("x")).post("/v1/requirement-rules").then().statusCode(403)
        .contentType("application/problem+json");
    as(io.stockbridge.compliance.Fixtures.REVIEWER).body(RULE.formatted("x")).post("/v1/requirement-rules").then()
        .statusCode(403);
  }

  @Test
  void aRuleForACategoryTheMarketDoesNotHaveIsRefused() {
    as(PLATFORM_ADMIN).body("""
        {"market":"US","categoryPath":"Spaceships","documentTypes":["FCC_ID"],"description":"x"}""")
        .post("/v1/requirement-rules").then().statusCode(400).body("code", equalTo("UNKNOWN_CATEGORY"))
        .body("errors[0].field", equalTo("categoryPath"));
    as(PLATFORM_ADMIN).body("""
        {"market":"US","categoryPath":"Beauty","documentTypes":[],"description":""}""")
        .post("/v1/requirement-rules").then().statusCode(400)
        .body("errors.field", hasItem("documentTypes")).body("errors.field", hasItem("description"));
    as(PLATFORM_ADMIN).body("""
        {"market":"US","categoryPath":"Beauty","documentTypes":["PASSPORT"],"description":"x"}""")
        .post("/v1/requirement-rules").then().statusCode(400).contentType("application/problem+json");
    as(PLATFORM_ADMIN).queryParam("version", 999_999).get("/v1/requirement-rules").then().statusCode(404);
  }
}
