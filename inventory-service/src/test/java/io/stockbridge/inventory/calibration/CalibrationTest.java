package io.stockbridge.inventory.calibration;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.BOB;
import static io.stockbridge.inventory.StockFixture.SELLER_HEADER;
import static io.stockbridge.inventory.StockFixture.SERVICE;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.stockbridge.inventory.LedgerInvariant;
import io.stockbridge.inventory.calibration.service.CalibrationEscalation;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rule WH-4: a warehouse reading that disagrees with what the ledger expected by more than 5 units or 3 % opens a
 * calibration task; until the seller explains it the channel is offered the lower figure, and past its due time the
 * SKU takes no new orders in that warehouse. Smaller differences are booked as sync adjustments, never silently.
 */
@QuarkusTest
class CalibrationTest {
  private static final String GATEWAY = TestTokens.service("warehouse-gateway");

  @Inject
  Pool pool;

  @Inject
  SettableClock clock;

  @Inject
  CalibrationEscalation escalation;

  @Inject
  MeterRegistry meters;

  private final String sku = newSku();
  private final String warehouse = newWarehouse();
  private int readings;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private String reading(long sellable) {
    if (readings == 0) {
      register("seller-a", sku, warehouse);
    }
    readings++;
    String eventId = "reading-" + readings + "-" + UUID.randomUUID();
    return """
        {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "%s", "kind": "SNAPSHOT",
         "snapshot": {"inTransit": 0, "qc": 0, "frozen": 0, "sellable": %d}}
        """.formatted(eventId, warehouse, sku, Instant.parse("2026-11-22T08:00:00Z").plusSeconds(readings * 60L),
        sellable);
  }

  private void read(long sellable) {
    as(SERVICE).header(SELLER_HEADER, "seller-a").body(reading(sellable)).post("/internal/v1/warehouse-events")
        .then().statusCode(200).body("outcome", equalTo("APPLIED"));
  }

  private void readInABatch(long sellable) {
    as(GATEWAY).body("{\"events\": [{\"eventId\": \"outbox-" + UUID.randomUUID() + "\", \"eventType\": "
            + "\"warehouse.snapshot\", \"sellerId\": \"seller-a\", \"payload\": " + reading(sellable) + "}]}")
        .post("/internal/v1/warehouse-events/batch").then().statusCode(200)
        .body("results[0].status", equalTo(200)).body("results[0].result.outcome", equalTo("APPLIED"));
  }

  private JsonPath tasks(String token) {
    return as(token).queryParam("sellerSku", sku).get("/v1/calibrations").then().statusCode(200)
        .extract().jsonPath();
  }

  private List<String> reasonsOfMovements() {
    List<String> reasons = new ArrayList<>();
    pool.preparedQuery("select reason from stock_movement where seller_id = 'seller-a' and seller_sku = $1 order by id")
        .execute(Tuple.of(sku)).await().indefinitely().forEach(row -> reasons.add(row.getString("reason")));
    return reasons;
  }

  private void order(long quantity, int status) {
    as(ALICE).body("{\"orderId\": \"o-" + UUID.randomUUID() + "\", \"lines\": [{\"sellerSku\": \"" + sku
        + "\", \"quantity\": " + quantity + "}]}").post("/v1/reservations").then().statusCode(status);
  }

  @Test
  void aReadingTwentyUnitsShortOpensATaskDueInTwoHoursAndTheLedgerTakesTheLowerFigure_WH4() {
    read(100);
    assertThat(tasks(ALICE).getList("items")).as("the first reading is the baseline").isEmpty();

    read(80);

    JsonPath tasks = tasks(ALICE);
    assertThat(tasks.getList("items")).hasSize(1);
    assertThat(tasks.getString("items[0].status")).isEqualTo("OPEN");
    assertThat(tasks.getLong("items[0].expected.sellable")).isEqualTo(100);
    assertThat(tasks.getLong("items[0].observed.sellable")).isEqualTo(80);
    assertThat(tasks.getLong("items[0].difference.sellable")).isEqualTo(-20);
    assertThat(tasks.getLong("items[0].unexplained")).isEqualTo(-20);
    assertThat(tasks.getBoolean("items[0].ordersBlocked")).isFalse();
    assertThat(Duration.between(OffsetDateTime.parse(tasks.getString("items[0].openedAt")),
        OffsetDateTime.parse(tasks.getString("items[0].dueAt")))).isEqualTo(Duration.ofHours(2));
    assertThat(reasonsOfMovements()).containsExactly("SYNC_ADJUSTMENT", "CALIBRATION_DIFFERENCE");
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(80);
    as(ALICE).get("/v1/calibrations/{id}", tasks.getString("items[0].id")).then().statusCode(200)
        .body("warehouseId", equalTo(warehouse));
  }

  @Test
  void aSmallDifferenceIsBookedAsASyncAdjustmentWithoutATask_WH4() {
    read(1000);
    read(996);

    assertThat(tasks(ALICE).getList("items")).isEmpty();
    assertThat(reasonsOfMovements()).containsExactly("SYNC_ADJUSTMENT", "SYNC_ADJUSTMENT");
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(996);
  }

  @Test
  void threePercentOfASmallStockIsAlreadyACalibrationDifference_WH4() {
    read(40);
    read(38);

    assertThat(tasks(ALICE).getList("items.unexplained")).containsExactly(-2);
  }

  @Test
  void unitsAReadingShowsBeyondTheLedgerAreWithheldUntilTheSellerExplainsThem_WH4() {
    read(10);
    read(30);

    JsonPath held = levels(ALICE, sku, warehouse);
    assertThat(held.getLong("sellable")).isEqualTo(30);
    assertThat(held.getLong("withheld")).isEqualTo(20);
    assertThat(held.getLong("available")).as("the lower of the two figures").isEqualTo(10);
    order(11, 409);

    String id = tasks(ALICE).getString("items[0].id");
    as(ALICE).body("{\"reason\": \"UNRECORDED_RECEIPT\", \"note\": \"inbound ASN-778 was never announced\"}")
        .post("/v1/calibrations/{id}/resolution", id).then().statusCode(200)
        .body("status", equalTo("RESOLVED")).body("resolutionReason", equalTo("UNRECORDED_RECEIPT"))
        .body("resolvedBy", equalTo("user-of-seller-a"));
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(30);
    order(11, 201);

    as(ALICE).body("{\"reason\": \"LOSS\"}").post("/v1/calibrations/{id}/resolution", id).then().statusCode(409)
        .body("code", equalTo("CALIBRATION_ALREADY_RESOLVED"));
    assertThat(tasks(ALICE).getString("items[0].resolutionReason")).as("the first resolution stands")
        .isEqualTo("UNRECORDED_RECEIPT");
  }

  @Test
  void anUnexplainedTaskEscalatesAfterTwoHoursAndTheSkuTakesNoNewOrdersUntilResolved_WH4() throws Throwable {
    read(50);
    read(40);
    order(1, 201);
    clock.advance(Duration.ofMinutes(119));
    VertxContextSupport.subscribeAndAwait(() -> escalation.escalateOverdue());
    assertThat(tasks(ALICE).getString("items[0].status")).isEqualTo("OPEN");

    clock.advance(Duration.ofMinutes(2));
    VertxContextSupport.subscribeAndAwait(() -> escalation.escalateOverdue());

    JsonPath tasks = tasks(ALICE);
    assertThat(tasks.getString("items[0].status")).isEqualTo("ESCALATED");
    assertThat(tasks.getBoolean("items[0].ordersBlocked")).isTrue();
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isZero();
    order(1, 409);

    as(ALICE).body("{\"reason\": \"DAMAGE\", \"note\": \"carton crushed, photos in ticket 4411\"}")
        .post("/v1/calibrations/{id}/resolution", tasks.getString("items[0].id")).then().statusCode(200);
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(39);
    order(1, 201);
  }

  @Test
  void laterReadingsUpdateTheUnresolvedTaskInsteadOfOpeningAnother_WH4() {
    read(100);
    read(80);
    read(70);

    JsonPath tasks = tasks(ALICE);
    assertThat(tasks.getList("items")).hasSize(1);
    assertThat(tasks.getLong("items[0].observed.sellable")).isEqualTo(70);
    assertThat(tasks.getLong("items[0].expected.sellable")).isEqualTo(100);
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(70);
    assertThat(LedgerInvariant.mismatches(pool)).isZero();
  }

  @Test
  void aBatchedReadingOpensTheSameTaskAsOneSentAlone_WH4() {
    readInABatch(60);
    readInABatch(30);

    assertThat(tasks(ALICE).getList("items.unexplained")).containsExactly(-30);
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(30);
  }

  @Test
  void oneSellersCalibrationInABatchLeavesTheOtherSellersReadingsOnTheSetBasedPath_WH4() {
    readInABatch(60);
    String bobs = newSku();
    register("seller-b", bobs, warehouse);
    String bobsReading = """
        {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "2026-11-22T09:00:00Z",
         "kind": "SNAPSHOT", "snapshot": {"inTransit": 0, "qc": 0, "frozen": 0, "sellable": 40}}
        """.formatted(UUID.randomUUID(), warehouse, bobs);
    double setBased = settled("set-based");
    double oneByOne = settled("one-by-one");

    // seller-a's reading opens a task (30 units short); seller-b's first reading is plain
    as(GATEWAY).body("{\"events\": [{\"eventId\": \"outbox-" + UUID.randomUUID() + "\", \"eventType\": "
            + "\"warehouse.snapshot\", \"sellerId\": \"seller-a\", \"payload\": " + reading(30) + "}, "
            + "{\"eventId\": \"outbox-" + UUID.randomUUID() + "\", \"eventType\": \"warehouse.snapshot\", "
            + "\"sellerId\": \"seller-b\", \"payload\": " + bobsReading + "}]}")
        .post("/internal/v1/warehouse-events/batch").then().statusCode(200)
        .body("results.status", everyItem(equalTo(200)))
        .body("results.result.outcome", everyItem(equalTo("APPLIED")));

    assertThat(settled("set-based") - setBased).as("seller-b's reading, the set-based way").isEqualTo(1);
    assertThat(settled("one-by-one") - oneByOne).as("seller-a's calibration, one by one").isEqualTo(1);
    assertThat(tasks(ALICE).getList("items.unexplained")).containsExactly(-30);
    assertThat(levels(BOB, bobs, warehouse).getLong("sellable")).isEqualTo(40);
  }

  private double settled(String path) {
    Counter counter = meters.find("stockbridge.warehouse.events.batched")
        .tag("path", path).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void twoEscalationRoundsAtOnceEscalateEachTaskOnce_WH4() throws Exception {
    read(50);
    read(20);
    clock.advance(Duration.ofHours(3));
    ExecutorService pool2 = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> round = () -> {
        try {
          return VertxContextSupport.subscribeAndAwait(() -> escalation.escalateOverdue());
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      };
      List<Future<Integer>> rounds = pool2.invokeAll(List.of(round, round));
      for (Future<Integer> each : rounds) {
        each.get();
      }
    } finally {
      pool2.shutdown();
    }
    String id = tasks(ALICE).getString("items[0].id");
    assertThat(tasks(ALICE).getString("items[0].status")).isEqualTo("ESCALATED");
    long escalations = pool.preparedQuery("select count(*) from stock_audit where reason = 'CALIBRATION_ESCALATED' "
            + "and reference = $1").execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    assertThat(escalations).isEqualTo(1);
  }

  @Test
  void badResolutionsAndOtherSellersTasksAreRefusedClearly_WH4() {
    read(100);
    read(50);
    String id = tasks(ALICE).getString("items[0].id");

    as(ALICE).body("{\"note\": \"no reason\"}").post("/v1/calibrations/{id}/resolution", id).then().statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("reason")));
    as(ALICE).body("{\"reason\": \"BECAUSE\"}").post("/v1/calibrations/{id}/resolution", id).then().statusCode(400);
    as(BOB).get("/v1/calibrations/{id}", id).then().statusCode(404);
    as(BOB).body("{\"reason\": \"LOSS\"}").post("/v1/calibrations/{id}/resolution", id).then().statusCode(404);
    as(BOB).queryParam("sellerSku", sku).get("/v1/calibrations").then().statusCode(200).body("items", hasSize(0));
    as(ALICE).queryParam("status", "LOST").get("/v1/calibrations").then().statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
    assertThat(tasks(ALICE).getString("items[0].status")).isEqualTo("OPEN");
  }
}
