package io.stockbridge.gateway.count;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.stockbridge.gateway.WarehouseSandboxResource.InjectSandbox;
import io.stockbridge.gateway.count.config.CountRequestConfig;
import io.stockbridge.gateway.count.service.CountRequestSender;
import io.stockbridge.sandbox.warehouse.StandardPartnerApi;
import io.stockbridge.sandbox.warehouse.WarehouseSandbox;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;

/**
 * Rule CNT-1 at the gateway: counts inventory-service announces become signed count requests to partners whose WMS
 * takes them (the sandbox's Standard Webhooks partner), each sent once; the others are recorded as not requested,
 * with the reason. catalog-service's item mappings are played by a stub.
 */
@QuarkusTest
class CountRequestTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String BOB = TestTokens.seller("seller-b", "seller-admin");
  private static final String INVENTORY = TestTokens.service("inventory-service");

  @InjectDestination
  WireMockServer services;

  @InjectSandbox
  WarehouseSandbox sandbox;

  @Inject
  CountRequestSender sender;

  @Inject
  CountRequestConfig config;

  @Inject
  SettableClock clock;

  @AfterEach
  void reset() {
    clock.reset();
    sandbox.standard().clear();
  }

  private record Partner(String warehouseId, String secret) {
  }

  private Partner countingPartner() {
    JsonPath created = connect("\"countRequestUrl\": \"" + sandbox.baseUrl() + "/standard/count-requests\"")
        .statusCode(201).extract().jsonPath();
    Partner partner = new Partner(created.getString("id"), created.getString("webhookSecret"));
    sandbox.standard().counting(new StandardPartnerApi.Counting(partner.secret(), "http://localhost:1/unused", false));
    return partner;
  }

  private static io.restassured.response.ValidatableResponse connect(String extra) {
    return as(ALICE).body("{\"code\": \"WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
        + "\", \"name\": \"Partner\", \"country\": \"US\", \"adapter\": \"STANDARD_WEBHOOKS\", \"apiReady\": true"
        + (extra.isEmpty() ? "" : ", " + extra) + "}").post("/v1/warehouses").then();
  }

  private void mapped(String warehouseId, String... skuThenItem) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < skuThenItem.length; i += 2) {
      items.append(items.isEmpty() ? "" : ", ").append("{\"sellerSku\": \"").append(skuThenItem[i])
          .append("\", \"wmsItemId\": \"").append(skuThenItem[i + 1]).append("\"}");
    }
    services.stubFor(get(urlPathEqualTo("/internal/v1/warehouse-items/" + warehouseId))
        .willReturn(okJson("{\"items\": [" + items + "], \"nextCursor\": null}")));
  }

  private static RequestSpecification inventoryFor(String seller) {
    return as(INVENTORY).header("Stockbridge-Seller-Id", seller);
  }

  private static JsonPath announce(String seller, UUID countId, String warehouseId, String... skus) {
    return inventoryFor(seller).body("{\"countId\": \"" + countId + "\", \"warehouseId\": \"" + warehouseId
            + "\", \"sellerSkus\": [\"" + String.join("\", \"", skus) + "\"]}")
        .post("/internal/v1/count-requests").then().statusCode(200).extract().jsonPath();
  }

  private int sendDue() {
    try {
      return VertxContextSupport.subscribeAndAwait(() -> sender.sendDue());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCountIsSentSignedOnceNamingThePartnersItems_CNT1() {
    Partner partner = countingPartner();
    mapped(partner.warehouseId(), "EAR-1", "WMS-1", "EAR-2", "WMS-2", "OTHER", "WMS-9");
    UUID countId = UUID.randomUUID();
    assertThat(announce("seller-a", countId, partner.warehouseId(), "EAR-1", "EAR-2", "EAR-3").getString("status"))
        .isEqualTo("PENDING");
    // the outbox may deliver an announcement twice: one request
    assertThat(announce("seller-a", countId, partner.warehouseId(), "EAR-1", "EAR-2", "EAR-3").getString("status"))
        .isEqualTo("PENDING");

    assertThat(sendDue()).isEqualTo(1);
    StandardPartnerApi.ReceivedCount received = sandbox.standard().countRequests().get(countId.toString());
    assertThat(received.itemIds()).containsExactlyInAnyOrder("WMS-1", "WMS-2");
    assertThat(received.received().get()).isEqualTo(1);
    as(ALICE).queryParam("warehouseId", partner.warehouseId()).get("/v1/count-requests").then().statusCode(200)
        .body("items[0].countId", equalTo(countId.toString())).body("items[0].status", equalTo("SENT"))
        .body("items[0].reason", containsString("EAR-3"));

    assertThat(announce("seller-a", countId, partner.warehouseId(), "EAR-1").getString("status")).isEqualTo("SENT");
    assertThat(sendDue()).isZero();
    assertThat(sandbox.standard().calls()).isEqualTo(1);
  }

  @Test
  void manyCountsOfSeveralWarehousesDueInOneRoundAreAllSentOnce_CNT1() {
    List<UUID> counts = new java.util.ArrayList<>();
    for (int w = 0; w < 3; w++) {
      Partner partner = countingPartner();
      mapped(partner.warehouseId(), "EAR-1", "WMS-1");
      for (int c = 0; c < 3; c++) {
        UUID countId = UUID.randomUUID();
        announce("seller-a", countId, partner.warehouseId(), "EAR-1");
        counts.add(countId);
      }
    }
    // the sandbox verifies one secret at a time: the last partner's; the others' requests are refused as unsigned,
    // which is an answer all the same (every request of the round gets one, none is left behind by another)
    assertThat(sendDue()).isEqualTo(9);
    List<String> statuses = as(ALICE).queryParam("limit", 100).get("/v1/count-requests").then().statusCode(200)
        .extract().jsonPath().getList("items.findAll { it.countId in " + counts.stream().map(id -> "'" + id + "'")
            .toList() + " }.status");
    assertThat(statuses).hasSize(9).containsOnly("SENT", "FAILED");
    assertThat(statuses.stream().filter("SENT"::equals).count()).isEqualTo(3);
    assertThat(sandbox.standard().countRequests().values()).allSatisfy(received ->
        assertThat(received.received().get()).isEqualTo(1));
    assertThat(sendDue()).isZero();
  }

  @Test
  void aBusyPartnerIsAskedAgainAfterBackOffAndARefusingOneFailsTheRequestWithItsAnswer() {
    Partner partner = countingPartner();
    mapped(partner.warehouseId(), "EAR-1", "WMS-1");
    UUID busy = UUID.randomUUID();
    sandbox.standard().faults().clear().failNext(1, 503);
    announce("seller-a", busy, partner.warehouseId(), "EAR-1");
    sendDue();
    JsonPath waiting = requestOf(busy);
    assertThat(waiting.getString("status")).isEqualTo("PENDING");
    assertThat(waiting.getString("reason")).contains("503");
    assertThat(sendDue()).as("not before its back-off").isZero();
    clock.advance(config.initialBackoff().multipliedBy(2));
    sendDue();
    assertThat(requestOf(busy).getString("status")).isEqualTo("SENT");
    assertThat(requestOf(busy).getInt("attempts")).isEqualTo(2);

    UUID refused = UUID.randomUUID();
    sandbox.standard().faults().clear().failNext(1, 400);
    announce("seller-a", refused, partner.warehouseId(), "EAR-1");
    sendDue();
    assertThat(requestOf(refused).getString("status")).isEqualTo("FAILED");
    assertThat(requestOf(refused).getString("reason")).contains("400");
  }

  @Test
  void aRequestSignedWithAnotherSecretIsRefusedByThePartnerAndFails() {
    Partner partner = countingPartner();
    mapped(partner.warehouseId(), "EAR-1", "WMS-1");
    sandbox.standard().counting(new StandardPartnerApi.Counting("whsec_" + java.util.Base64.getEncoder()
        .encodeToString("another secret of 32 bytes......".getBytes()), "http://localhost:1/unused", false));
    UUID countId = UUID.randomUUID();
    announce("seller-a", countId, partner.warehouseId(), "EAR-1");
    sendDue();
    assertThat(requestOf(countId).getString("status")).isEqualTo("FAILED");
    assertThat(requestOf(countId).getString("reason")).contains("401");
    assertThat(sandbox.standard().countRequests()).doesNotContainKey(countId.toString());
  }

  @Test
  void aCountWithNoMappedItemFailsNamingWhyAndAWarehouseGivingUpIsNotAskedForever() {
    Partner partner = countingPartner();
    mapped(partner.warehouseId(), "OTHER", "WMS-9");
    UUID unmapped = UUID.randomUUID();
    announce("seller-a", unmapped, partner.warehouseId(), "EAR-1");
    sendDue();
    assertThat(requestOf(unmapped).getString("status")).isEqualTo("FAILED");
    assertThat(requestOf(unmapped).getString("reason")).contains("WH-3");

    mapped(partner.warehouseId(), "EAR-1", "WMS-1");
    UUID late = UUID.randomUUID();
    sandbox.standard().faults().clear().failNext(1000, 503);
    announce("seller-a", late, partner.warehouseId(), "EAR-1");
    sendDue();
    clock.advance(config.giveUpAfter().plus(Duration.ofMinutes(1)));
    sendDue();
    assertThat(requestOf(late).getString("status")).isEqualTo("FAILED");
    assertThat(requestOf(late).getString("reason")).contains("not acknowledged within");
    sandbox.standard().faults().clear();
  }

  @Test
  void aWarehouseThatTakesNoRequestsIsRecordedAsNotRequestedWithTheReason() {
    String plain = connect("").statusCode(201).extract().path("id");
    UUID countId = UUID.randomUUID();
    JsonPath recorded = announce("seller-a", countId, plain, "EAR-1");
    assertThat(recorded.getString("status")).isEqualTo("NOT_REQUESTED");
    assertThat(recorded.getString("reason")).contains("takes no count requests");
    JsonPath erp = announce("seller-a", UUID.randomUUID(), "ERP-FED-01", "EAR-1");
    assertThat(erp.getString("reason")).contains("not connected");
    // another seller's warehouse is not this seller's to ask
    Partner partner = countingPartner();
    assertThat(announce("seller-b", UUID.randomUUID(), partner.warehouseId(), "EAR-1").getString("status"))
        .isEqualTo("NOT_REQUESTED");
    assertThat(sendDue()).isZero();
    as(BOB).get("/v1/count-requests").then().statusCode(200)
        .body("items.countId", org.hamcrest.Matchers.not(hasItem(countId.toString())));
  }

  @Test
  void onlyAStandardWebhooksPartnerTakesCountRequestsAtAnHttpUrl() {
    as(ALICE).body("{\"code\": \"WH-WINIT-C\", \"name\": \"Partner\", \"country\": \"US\", \"adapter\": \"WINIT\", "
            + "\"apiReady\": true, \"credentials\": {\"appKey\": \"k\", \"token\": \"t\", \"warehouseId\": \"w\"}, "
            + "\"countRequestUrl\": \"https://wms.example.com/counts\"}").post("/v1/warehouses").then()
        .statusCode(400).body("errors.field", hasItem("countRequestUrl"));
    connect("\"countRequestUrl\": \"ftp://wms.example.com/counts\"").statusCode(400)
        .body("errors.field", hasItem(containsString("countRequestUrl")));
  }

  @Test
  void aConnectedPartnerStartsTakingCountRequestsOnceItsUrlIsSetAndStopsWhenCleared_CNT1() {
    String warehouse = connect("").statusCode(201).extract().path("id");
    as(ALICE).body("{\"countRequestUrl\": \"" + sandbox.baseUrl() + "/standard/count-requests\"}")
        .put("/v1/warehouses/{id}/count-requests", warehouse).then().statusCode(200)
        .body("countRequestUrl", equalTo(sandbox.baseUrl() + "/standard/count-requests"));
    UUID asked = UUID.randomUUID();
    assertThat(announce("seller-a", asked, warehouse, "EAR-1").getString("status")).isEqualTo("PENDING");
    as(ALICE).body("{\"countRequestUrl\": null}").put("/v1/warehouses/{id}/count-requests", warehouse).then()
        .statusCode(200).body("countRequestUrl", org.hamcrest.Matchers.nullValue());
    assertThat(announce("seller-a", UUID.randomUUID(), warehouse, "EAR-1").getString("status"))
        .isEqualTo("NOT_REQUESTED");
    as(BOB).body("{\"countRequestUrl\": null}").put("/v1/warehouses/{id}/count-requests", warehouse).then()
        .statusCode(404);
    // the request announced while the URL was set is not sent anywhere once it is cleared
    assertThat(sendDue()).isEqualTo(1);
    assertThat(requestOf(asked).getString("status")).isEqualTo("FAILED");
    assertThat(requestOf(asked).getString("reason")).contains("no longer takes count requests");
  }

  @Test
  void announcementsAreForServicesAndNamedSellersOnly() {
    as(ALICE).body("{\"countId\": \"" + UUID.randomUUID() + "\", \"warehouseId\": \"X\", \"sellerSkus\": [\"A\"]}")
        .post("/internal/v1/count-requests").then().statusCode(403);
    inventoryFor("seller-a").body("{\"countId\": \"not-a-uuid\", \"warehouseId\": \"X\", \"sellerSkus\": []}")
        .post("/internal/v1/count-requests").then().statusCode(400);
  }

  private static JsonPath requestOf(UUID countId) {
    List<JsonPath> found = as(ALICE).queryParam("limit", 100).get("/v1/count-requests").then().statusCode(200)
        .extract().jsonPath().getList("items", java.util.Map.class).stream()
        .filter(item -> countId.toString().equals(item.get("countId")))
        .map(item -> new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(item).toString()))
        .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
