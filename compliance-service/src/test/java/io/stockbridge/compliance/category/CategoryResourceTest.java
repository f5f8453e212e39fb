package io.stockbridge.compliance.category;

import static io.stockbridge.compliance.Fixtures.PLATFORM_ADMIN;
import static io.stockbridge.compliance.Fixtures.newSeller;
import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CategoryResourceTest {

  @Test
  void theUsOpens28TopLevelCategoriesAndTheRestByInvitation_LST2() {
    as(newSeller().token()).queryParam("market", "US").get("/v1/categories").then().statusCode(200)
        .body("openTopLevelCategories", equalTo(28))
        .body("categories.findAll { !it.whitelisted }.path", hasItems("Health Supplements", "Children's Toys"))
        .body("categories.find { it.path == 'Beauty' }.subcategories", hasItem("Beauty/Skincare"));
    as(newSeller().token()).queryParam("market", "TH").get("/v1/categories").then()
        .body("categories.findAll { !it.whitelisted }", org.hamcrest.Matchers.empty());
    as(newSeller().token()).get("/v1/categories").then().statusCode(400).body("errors[0].field", equalTo("market"));
  }

  @Test
  void aPlatformAdminOpensAndClosesATopLevelCategory_LST2() {
    String body = "{\"market\":\"US\",\"category\":\"Food & Beverages\",\"productId\":\"tea\"}";
    as(newSeller().token()).body(body).post("/v1/checks").then().body("failures.code", hasItem("category_not_whitelisted"));
    as(PLATFORM_ADMIN).body("{\"path\":\"Food & Beverages\",\"whitelisted\":true}").put("/v1/categories/US/whitelist")
        .then().statusCode(200).body("openTopLevelCategories", equalTo(29));
    try {
      as(newSeller().token()).body(body).post("/v1/checks").then().body("compliant", equalTo(true));
    } finally {
      as(PLATFORM_ADMIN).body("{\"path\":\"Food & Beverages\",\"whitelisted\":false}")
          .put("/v1/categories/US/whitelist").then().statusCode(200).body("openTopLevelCategories", equalTo(28));
    }
    as(PLATFORM_ADMIN).body("{\"path\":\"Beauty/Skincare\",\"whitelisted\":false}").put("/v1/categories/US/whitelist")
        .then().statusCode(400).body("code", equalTo("UNKNOWN_CATEGORY"));
    as(newSeller().token()).body("{\"path\":\"Beauty\",\"whitelisted\":false}").put("/v1/categories/US/whitelist")
        .then().statusCode(403);
  }
}
