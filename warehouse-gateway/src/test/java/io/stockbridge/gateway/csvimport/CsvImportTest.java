package io.stockbridge.gateway.csvimport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import io.stockbridge.gateway.webhook.service.InboxProcessor;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class CsvImportTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");

  @InjectDestination
  WireMockServer services;

  @Inject
  InboxProcessor processor;

  @Inject
  Pool pool;

  private static String csvWarehouse() {
    return as(ALICE).body("{\"code\": \"CSV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"No-API warehouse\", \"country\": \"DE\", \"adapter\": \"CSV\", \"apiReady\": false}")
        .post("/v1/warehouses").then().statusCode(201).extract().path("id");
  }

  private static ValidatableResponse upload(String warehouseId, byte[] file) {
    return as(ALICE).contentType("text/csv").body(file).post("/v1/warehouses/{id}/imports", warehouseId).then();
  }

  private static ValidatableResponse upload(String warehouseId, String file) {
    return upload(warehouseId, file.getBytes(StandardCharsets.UTF_8));
  }

  private long stored(String warehouseId) {
    return pool.preparedQuery("select count(*) from inbound_event where warehouse_id = $1")
        .execute(Tuple.of(UUID.fromString(warehouseId))).await().indefinitely().iterator().next().getLong(0);
  }

  @Test
  void aGoodFileFollowsTheWebhookPathToTheLedgerOnce_WH1() throws Throwable {
    String warehouse = csvWarehouse();
    services.stubFor(get("/internal/v1/warehouse-items/" + warehouse + "/A-1").willReturn(okJson("{\"sellerSku\": \"SKU-A\"}")));
    services.stubFor(get("/internal/v1/warehouse-items/" + warehouse + "/B-2").willReturn(okJson("{\"sellerSku\": \"SKU-B\"}")));
    String file = "\uFEFFitem_id,sellable,qc,frozen,in_transit,observed_at\n"
        + "A-1,12,1,0,5,2026-11-22T08:00:00Z\n"
        + "\"B-2\", 7 ,0,2,0,\n";
    upload(warehouse, file).statusCode(202).body("rows", equalTo(2)).body("duplicate", equalTo(false));
    upload(warehouse, file).statusCode(200).body("duplicate", equalTo(true));
    assertThat(stored(warehouse)).isEqualTo(1);

    VertxContextSupport.subscribeAndAwait(() -> processor.processReceived());
    var payloads = pool.preparedQuery("select payload from outbox_event where destination = 'inventory-service' "
            + "and payload like $1 order by payload").execute(Tuple.of("%" + warehouse + "%")).await().indefinitely();
    assertThat(payloads.rowCount()).isEqualTo(2);
    String all = String.join("\n", java.util.stream.StreamSupport.stream(payloads.spliterator(), false)
        .map(row -> row.getString("payload")).toList());
    assertThat(all).contains("\"sellerSku\":\"SKU-A\"", "\"sellable\":12", "\"sellerSku\":\"SKU-B\"", "\"sellable\":7",
        "\"frozen\":2", "2026-11-22T08:00Z");
  }

  @Test
  void aFileWithBadRowsAppliesNothingAndNamesEveryBadRow_WH1() {
    String warehouse = csvWarehouse();
    upload(warehouse, "item_id,in_transit,qc,frozen,sellable\nA-1,0,0,0,10\n,0,0,0,3\nC-3,0,-1,0,x\nD-4,0,0\n")
        .statusCode(422).body("code", equalTo("INVALID_ROWS"))
        .body("errors.field", hasItems("rows[2].item_id", "rows[3].qc", "rows[3].sellable", "rows[4]"))
        .body("errors", hasSize(4));
    assertThat(stored(warehouse)).isZero();
  }

  @Test
  void aWrongHeaderWrongEncodingOrBrokenCsvIsRefused() {
    String warehouse = csvWarehouse();
    upload(warehouse, "sku,qty\nA-1,3\n").statusCode(400).body("code", equalTo("INVALID_CSV_HEADER"))
        .body("errors.code", hasItems("missing_column", "unknown_column"));
    upload(warehouse, "item_id,in_transit,qc,frozen,sellable\nCafé,0,0,0,1\n".getBytes(StandardCharsets.ISO_8859_1))
        .statusCode(400).body("code", equalTo("INVALID_ENCODING"));
    upload(warehouse, "item_id,in_transit,qc,frozen,sellable\n\"A-1,0,0,0,1\n").statusCode(400)
        .body("code", equalTo("MALFORMED_CSV"));
    upload(warehouse, "item_id,in_transit,qc,frozen,sellable\n").statusCode(400).body("code", equalTo("EMPTY_FILE"));
    assertThat(stored(warehouse)).isZero();
  }

  @Test
  void onlyCsvWarehousesOfTheSellerTakeFiles() {
    String api = as(ALICE).body("{\"code\": \"API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"API warehouse\", \"country\": \"US\", \"adapter\": \"WINIT\", \"apiReady\": true"
            + io.stockbridge.gateway.SandboxCredentials.field("WINIT") + "}")
        .post("/v1/warehouses").then().statusCode(201).extract().path("id");
    upload(api, "item_id,in_transit,qc,frozen,sellable\nA-1,0,0,0,1\n").statusCode(409)
        .body("code", equalTo("NOT_A_CSV_WAREHOUSE"));
    String warehouse = csvWarehouse();
    as(TestTokens.seller("seller-b", "seller-admin")).contentType("text/csv")
        .body("item_id,in_transit,qc,frozen,sellable\nA-1,0,0,0,1\n").post("/v1/warehouses/{id}/imports", warehouse)
        .then().statusCode(404);
  }
}
