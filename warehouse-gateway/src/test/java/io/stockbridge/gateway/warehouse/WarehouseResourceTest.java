package io.stockbridge.gateway.warehouse;

import static io.stockbridge.testing.Api.anonymous;
import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.gateway.SandboxCredentials;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class WarehouseResourceTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String OLIVIA = TestTokens.seller("seller-a", "seller-operator");
  private static final String BOB = TestTokens.seller("seller-b", "seller-admin");

  private static String warehouse(String code, String adapter, boolean apiReady, Integer pollInterval) {
    return """
        {"code": "%s", "name": "Los Angeles 1", "country": "US", "adapter": "%s", "apiReady": %s,
         "pollIntervalSeconds": %s %s}
        """.formatted(code, adapter, apiReady, pollInterval, SandboxCredentials.field(adapter));
  }

  private static String newCode() {
    return "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  @Test
  void answers401WithoutAToken() {
    anonymous().get("/v1/warehouses").then().statusCode(401);
  }

  @Test
  void answers403WithTheWrongRole() {
    as(OLIVIA).body(warehouse(newCode(), "WINIT", true, 120)).post("/v1/warehouses").then().statusCode(403)
        .contentType("application/problem+json");
    as(TestTokens.staff("paul", "platform-admin")).get("/v1/warehouses").then().statusCode(403);
  }

  @Test
  void anotherSellersWarehouseAnswers404() {
    String id = as(ALICE).body(warehouse(newCode(), "WINIT", true, 120)).post("/v1/warehouses").then()
        .statusCode(201).body("pollIntervalSeconds", equalTo(120)).extract().path("id");
    as(OLIVIA).get("/v1/warehouses/{id}", id).then().statusCode(200);
    as(BOB).get("/v1/warehouses/{id}", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    as(BOB).post("/v1/warehouses/{id}/disable", id).then().statusCode(404);
    as(BOB).get("/v1/warehouses").then().statusCode(200).body("items.id", not(hasItem(id)));
  }

  @Test
  void aCsvWarehouseIsNeverApiReadyNorPolled_WH1() {
    as(ALICE).body(warehouse(newCode(), "CSV", false, null)).post("/v1/warehouses").then().statusCode(201)
        .body("apiReady", equalTo(false)).body("pollIntervalSeconds", nullValue());
    as(ALICE).body(warehouse(newCode(), "CSV", true, 60)).post("/v1/warehouses").then().statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", hasItems("apiReady", "pollIntervalSeconds"));
  }

  @Test
  void aPolledWarehouseGetsTheDefaultInterval() {
    as(ALICE).body(warehouse(newCode(), "FOURPX", true, null)).post("/v1/warehouses").then().statusCode(201)
        .body("pollIntervalSeconds", equalTo(300));
  }

  @Test
  void aPolledWarehouseNeedsTheCredentialsItsApiTakes() {
    as(ALICE).body("{\"code\": \"" + newCode() + "\", \"name\": \"Winit\", \"country\": \"US\", \"adapter\": \"WINIT\","
            + " \"apiReady\": true, \"credentials\": {\"appKey\": \"k\"}}")
        .post("/v1/warehouses").then().statusCode(400).contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", hasItems("credentials.token", "credentials.warehouseId"))
        .body("errors.field", not(hasItem("credentials.appKey")));
    // ShipBob also sends webhooks: without a token it is simply not polled
    as(ALICE).body(warehouse(newCode(), "SHIPBOB", true, null).replaceFirst(", \"credentials\": \\{[^}]*}", ""))
        .post("/v1/warehouses").then().statusCode(201).body("pollIntervalSeconds", nullValue())
        .body("polling", nullValue()).body("webhookUrl", org.hamcrest.Matchers.notNullValue());
    as(ALICE).body(warehouse(newCode(), "SHIPBOB", true, null)).post("/v1/warehouses").then().statusCode(201)
        .body("pollIntervalSeconds", equalTo(300)).body("polling.consecutiveFailures", equalTo(0));
  }

  @Test
  void disablingKeepsTheWarehouse() {
    String id = as(ALICE).body(warehouse(newCode(), "SHIPBOB", true, 60)).post("/v1/warehouses").then()
        .statusCode(201).extract().path("id");
    as(ALICE).post("/v1/warehouses/{id}/disable", id).then().statusCode(200).body("enabled", equalTo(false));
    as(ALICE).get("/v1/warehouses/{id}", id).then().statusCode(200).body("enabled", equalTo(false));
  }

  @Test
  void aCodeIsUniquePerSeller() {
    String code = newCode();
    as(ALICE).body(warehouse(code, "STANDARD_WEBHOOKS", true, null)).post("/v1/warehouses").then().statusCode(201);
    as(ALICE).body(warehouse(code, "STANDARD_WEBHOOKS", true, null)).post("/v1/warehouses").then().statusCode(409)
        .body("code", equalTo("WAREHOUSE_CODE_TAKEN"));
    as(BOB).body(warehouse(code, "STANDARD_WEBHOOKS", true, null)).post("/v1/warehouses").then().statusCode(201);
  }

  @Test
  void unknownAdapterAnswers400WithTheField() {
    as(ALICE).body(warehouse(newCode(), "FEDEX", true, null)).post("/v1/warehouses").then().statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("INVALID_ENUM_VALUE")).body("errors[0].field", equalTo("adapter"));
    as(ALICE).queryParam("adapter", "FEDEX").get("/v1/warehouses").then().statusCode(400)
        .body("errors[0].field", equalTo("adapter"));
  }

  @Test
  void missingAndOutOfRangeFieldsAnswer400WithEachField() {
    as(ALICE).body("{\"code\": \"x\", \"adapter\": \"WINIT\", \"apiReady\": true, \"pollIntervalSeconds\": 5}")
        .post("/v1/warehouses").then().statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", hasItems("code", "name", "country", "pollIntervalSeconds"));
  }

  @Test
  void wrongTypeAnswers400WithTheField() {
    as(ALICE).body(warehouse(newCode(), "WINIT", true, null).replace("\"apiReady\": true", "\"apiReady\": \"yes\""))
        .post("/v1/warehouses").then().statusCode(400).body("code", equalTo("WRONG_TYPE"))
        .body("errors[0].field", equalTo("apiReady"));
  }

  @Test
  void malformedJsonAnswers400() {
    as(ALICE).body("{\"code\": ").post("/v1/warehouses").then().statusCode(400)
        .body("code", equalTo("MALFORMED_JSON"));
  }
}
