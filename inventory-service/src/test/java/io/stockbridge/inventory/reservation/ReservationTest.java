package io.stockbridge.inventory.reservation;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.BOB;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.stockbridge.inventory.LedgerInvariant;
import io.stockbridge.inventory.reservation.service.ReservationExpiry;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class ReservationTest {
  @Inject
  ReservationExpiry expiry;

  @Inject
  Pool pool;

  private static String order(String orderId, String lines) {
    return "{\"orderId\": \"" + orderId + "\", \"lines\": [" + lines + "]}";
  }

  private static String line(String sku, long quantity, String warehouse) {
    return "{\"sellerSku\": \"" + sku + "\", \"quantity\": " + quantity
        + (warehouse == null ? "" : ", \"warehouseId\": \"" + warehouse + "\"") + "}";
  }

  @Test
  void anOrderReservesAndAvailableDrops_RES1() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    as(ALICE).body(order("o-" + sku, line(sku, 3, null))).post("/v1/reservations").then().statusCode(201)
        .body("status", equalTo("ACTIVE"))
        .body("lines[0].allocations[0].warehouseId", equalTo(warehouse))
        .body("lines[0].allocations[0].quantity", equalTo(3));
    JsonPath levels = levels(ALICE, sku, warehouse);
    assertThat(levels.getLong("sellable")).isEqualTo(10);
    assertThat(levels.getLong("reserved")).isEqualTo(3);
    assertThat(levels.getLong("available")).isEqualTo(7);
  }

  @Test
  void aMultiLineOrderReservesAllLinesOrNoneAndNamesEachShortLine_RES1() {
    String warehouse = newWarehouse();
    String plenty = newSku();
    String scarce = newSku();
    String none = newSku();
    register("seller-a", plenty, warehouse);
    register("seller-a", scarce);
    register("seller-a", none);
    receive(ALICE, plenty, warehouse, 10);
    receive(ALICE, scarce, warehouse, 1);
    as(ALICE).body(order("o-" + plenty, line(plenty, 2, null) + "," + line(scarce, 2, null) + "," + line(none, 1, null)))
        .post("/v1/reservations").then().statusCode(409)
        .body("code", equalTo("INSUFFICIENT_STOCK"))
        .body("errors", hasSize(2))
        .body("errors[0].field", equalTo("lines[1].quantity"))
        .body("errors[1].field", equalTo("lines[2].quantity"));
    assertThat(levels(ALICE, plenty, warehouse).getLong("reserved")).isZero();
    assertThat(levels(ALICE, scarce, warehouse).getLong("reserved")).isZero();
  }

  @Test
  void safetyStockIsNeverReserved_STK1() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    long version = levels(ALICE, sku, warehouse).getLong("version");
    as(ALICE).header("If-Match", "\"" + version + "\"").body("{\"sellable\": 10, \"safetyStock\": 4, \"reason\": \"buffer\"}")
        .put("/v1/stock/{sku}/warehouses/{warehouse}", sku, warehouse).then().statusCode(200);
    as(ALICE).body(order("o1-" + sku, line(sku, 7, null))).post("/v1/reservations").then().statusCode(409);
    as(ALICE).body(order("o2-" + sku, line(sku, 6, null))).post("/v1/reservations").then().statusCode(201);
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isZero();
  }

  @Test
  void withoutAWarehouseTheLineGoesWholeToTheFullestWarehouseOrIsSplit() {
    String small = newWarehouse();
    String large = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, small, large);
    receive(ALICE, sku, small, 4);
    receive(ALICE, sku, large, 6);
    as(ALICE).body(order("whole-" + sku, line(sku, 5, null))).post("/v1/reservations").then().statusCode(201)
        .body("lines[0].allocations", hasSize(1)).body("lines[0].allocations[0].warehouseId", equalTo(large));
    // now 4 and 1 are left: 5 fits nowhere whole, so it is split, fullest first
    as(ALICE).body(order("split-" + sku, line(sku, 5, null))).post("/v1/reservations").then().statusCode(201)
        .body("lines[0].allocations", hasSize(2))
        .body("lines[0].allocations[0].warehouseId", equalTo(small))
        .body("lines[0].allocations[0].quantity", equalTo(4))
        .body("lines[0].allocations[1].quantity", equalTo(1));
  }

  @Test
  void aRepeatedOrderIdReturnsTheFirstResult_RES1() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    String body = order("same-" + sku, line(sku, 2, null));
    String id = as(ALICE).body(body).post("/v1/reservations").then().statusCode(201)
        .header("Idempotent-Replayed", "false").extract().path("id");
    as(ALICE).body(body).post("/v1/reservations").then().statusCode(201)
        .header("Idempotent-Replayed", "true").body("id", equalTo(id));
    as(ALICE).body(order("same-" + sku, line(sku, 3, null))).post("/v1/reservations").then().statusCode(409)
        .body("code", equalTo("ORDER_ID_REUSED"));
    assertThat(levels(ALICE, sku, warehouse).getLong("reserved")).isEqualTo(2);
  }

  @Test
  void commitShipsTheUnitsAndReleaseReturnsThem_RES2() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    String shipped = as(ALICE).body(order("ship-" + sku, line(sku, 3, null))).post("/v1/reservations").then()
        .statusCode(201).extract().path("id");
    String cancelled = as(ALICE).body(order("cancel-" + sku, line(sku, 2, null))).post("/v1/reservations").then()
        .statusCode(201).extract().path("id");
    as(ALICE).post("/v1/reservations/{id}/commit", shipped).then().statusCode(200).body("status", equalTo("COMMITTED"));
    as(ALICE).post("/v1/reservations/{id}/commit", shipped).then().statusCode(200).body("status", equalTo("COMMITTED"));
    as(ALICE).post("/v1/reservations/{id}/release", shipped).then().statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION"));
    as(ALICE).post("/v1/reservations/{id}/release", cancelled).then().statusCode(200).body("status", equalTo("RELEASED"));
    JsonPath levels = levels(ALICE, sku, warehouse);
    assertThat(levels.getLong("sellable")).isEqualTo(7);
    assertThat(levels.getLong("reserved")).isZero();
    assertThat(levels.getLong("available")).isEqualTo(7);
    as(BOB).get("/v1/reservations/{id}", shipped).then().statusCode(404);
    assertThat(LedgerInvariant.mismatches(pool)).isZero();
  }

  @Test
  void anUnshippedReservationExpiresAndItsUnitsReturn_RES2() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 5);
    String id = as(ALICE).body("{\"orderId\": \"exp-" + sku + "\", \"ttlSeconds\": 1, \"lines\": [" + line(sku, 5, null) + "]}")
        .post("/v1/reservations").then().statusCode(201).extract().path("id");
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isZero();
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
      expireDue();
      return "EXPIRED".equals(as(ALICE).get("/v1/reservations/{id}", id).then().extract().path("status"));
    });
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(5);
    as(ALICE).post("/v1/reservations/{id}/commit", id).then().statusCode(409);
  }

  /** Runs an expiry round as the scheduler does, on a Vert.x context. */
  private void expireDue() {
    try {
      VertxContextSupport.subscribeAndAwait(() -> expiry.expireDue());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void badReservationsAnswer4xx() {
    String sku = newSku();
    register("seller-a", sku);
    as(ALICE).body(order("bad-1", line(sku, 0, null))).post("/v1/reservations").then().statusCode(400)
        .body("errors[0].field", equalTo("lines[0].quantity"));
    as(ALICE).body(order("bad-2", line("NOPE", 1, null))).post("/v1/reservations").then().statusCode(422)
        .body("errors[0].field", equalTo("lines[0].sellerSku"));
    as(ALICE).body("{\"orderId\": \"bad-3\", \"ttlSeconds\": 999999999, \"lines\": [" + line(sku, 1, null) + "]}")
        .post("/v1/reservations").then().statusCode(400).body("errors[0].field", equalTo("ttlSeconds"));
    as(ALICE).body("{\"lines\": []}").post("/v1/reservations").then().statusCode(400);
    as(ALICE).get("/v1/reservations/{id}", UUID.randomUUID()).then().statusCode(404);
  }
}
