package io.stockbridge.inventory.warehouseevent;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.SELLER_HEADER;
import static io.stockbridge.inventory.StockFixture.SERVICE;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stockbridge.inventory.LedgerInvariant;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A warehouse reading becomes the movements that explain it: transitions between buckets where units moved inside
 * the warehouse, and OUTSIDE only for the rest (STK-2); returns wait in QC (STK-3); age layers follow the units
 * (STK-4).
 */
@QuarkusTest
class SnapshotTransitionsTest {
  @Inject
  Pool pool;

  private final String sku = newSku();
  private final String warehouse = newWarehouse();
  private int readings;

  private String read(long inTransit, long qc, long frozen, long sellable) {
    if (readings == 0) {
      register("seller-a", sku, warehouse);
    }
    readings++;
    String eventId = "reading-" + readings + "-" + UUID.randomUUID();
    as(SERVICE).header(SELLER_HEADER, "seller-a").body("""
        {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "%s", "kind": "SNAPSHOT",
         "snapshot": {"inTransit": %d, "qc": %d, "frozen": %d, "sellable": %d}}
        """.formatted(eventId, warehouse, sku, Instant.parse("2026-11-22T08:00:00Z").plusSeconds(readings * 60L),
            inTransit, qc, frozen, sellable))
        .post("/internal/v1/warehouse-events").then().statusCode(200).body("outcome", equalTo("APPLIED"));
    return eventId;
  }

  /** The movements one reading booked, as "FROM>TO quantity REASON". */
  private List<String> movementsOf(String eventId) {
    List<String> movements = new ArrayList<>();
    pool.preparedQuery("select from_bucket, to_bucket, quantity, reason from stock_movement where request_id = $1 "
            + "order by id")
        .execute(Tuple.of(eventId)).await().indefinitely()
        .forEach(row -> movements.add(row.getString("from_bucket") + ">" + row.getString("to_bucket") + " "
            + row.getLong("quantity") + " " + row.getString("reason")));
    return movements;
  }

  @Test
  void unitsThatLeftQcWhileSellableRoseAreOneReleaseNotALossAndAGain_STK2() {
    read(0, 10, 0, 5);
    String release = read(0, 4, 0, 11);

    assertThat(movementsOf(release)).containsExactly("QC>SELLABLE 6 QC_PASSED");
    assertThat(LedgerInvariant.mismatches(pool)).isZero();
  }

  @Test
  void anArrivalLandsWhereTheWarehousePutsItAndOnlyTheRestEntersFromOutside_STK2() {
    read(20, 0, 0, 0);
    String arrival = read(0, 5, 0, 18);

    assertThat(movementsOf(arrival)).containsExactly("IN_TRANSIT>QC 5 ARRIVAL", "IN_TRANSIT>SELLABLE 15 ARRIVAL",
        "OUTSIDE>SELLABLE 3 SYNC_ADJUSTMENT");
    JsonPath levels = levels(ALICE, sku, warehouse);
    assertThat(levels.getLong("inTransit")).isZero();
    assertThat(levels.getLong("qc")).isEqualTo(5);
    assertThat(levels.getLong("sellable")).isEqualTo(18);
  }

  @Test
  void unitsReportedBackInQcStayOutOfSellableUntilInspectionReleasesOrFreezesThem_STK3() {
    read(0, 0, 0, 10);
    String returned = read(0, 3, 0, 10);
    assertThat(movementsOf(returned)).containsExactly("OUTSIDE>QC 3 RETURN");
    JsonPath waiting = levels(ALICE, sku, warehouse);
    assertThat(waiting.getLong("qc")).isEqualTo(3);
    assertThat(waiting.getLong("available")).isEqualTo(10);

    String inspected = read(0, 0, 1, 12);
    assertThat(movementsOf(inspected)).containsExactly("QC>SELLABLE 2 QC_PASSED", "QC>FROZEN 1 QC_FAILED");
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(12);
    assertThat(LedgerInvariant.mismatches(pool)).isZero();
  }

  @Test
  void aQcReleaseKeepsItsReceiptDateAndAnArrivalFromInTransitStartsALayer_STK4() {
    read(8, 0, 0, 0);
    assertThat(layers()).as("units in transit are not on hand yet").isEmpty();
    read(0, 8, 0, 0);
    List<String> received = layers();
    assertThat(received).hasSize(1).allMatch(layer -> layer.endsWith(" 8"));

    read(0, 0, 0, 8);
    assertThat(layers()).as("released from QC: the same layer, with its receipt date").isEqualTo(received);
    read(0, 0, 0, 5);
    assertThat(layers()).containsExactly(received.get(0).replaceFirst(" 8$", " 5"));
  }

  /** The open age layers of the item, oldest first, as "receivedAt units". */
  private List<String> layers() {
    JsonPath age = as(ALICE).get("/v1/stock/{sku}/age", sku).then().statusCode(200).extract().jsonPath();
    List<String> layers = new ArrayList<>();
    List<String> receivedAt = age.getList("warehouses.find { it.warehouseId == '" + warehouse + "' }.layers.receivedAt");
    List<Integer> units = age.getList("warehouses.find { it.warehouseId == '" + warehouse + "' }.layers.units");
    if (receivedAt == null) {
      return layers;
    }
    for (int i = 0; i < receivedAt.size(); i++) {
      layers.add(receivedAt.get(i) + " " + units.get(i));
    }
    return layers;
  }
}
