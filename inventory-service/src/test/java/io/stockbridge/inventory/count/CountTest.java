package io.stockbridge.inventory.count;

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
import static org.hamcrest.Matchers.hasItem;

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

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.stockbridge.inventory.count.service.CountGeneration;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rule CNT-1: physical counts calibrate the ledger. Cycle counts by velocity class, full counts and campaign counts
 * freeze the ledger's figures when they start; the counted variance becomes a COUNT adjustment, after a seller-admin's
 * approval when it is beyond the calibration threshold; an applied count resolves the calibration tasks of its SKUs.
 */
@QuarkusTest
class CountTest {
  private static final String OPERATOR = TestTokens.seller("seller-a", "seller-operator");

  @Inject
  SettableClock clock;

  @Inject
  CountGeneration generation;

  @Inject
  Pool pool;

  private final String warehouse = newWarehouse();
  private int readings;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /** A SKU in this test's warehouse whose first warehouse reading shows {@code sellable}. */
  private String sku(long sellable) {
    String sku = newSku();
    register("seller-a", sku, warehouse);
    read(sku, sellable);
    return sku;
  }

  private void read(String sku, long sellable) {
    readings++;
    as(SERVICE).header(SELLER_HEADER, "seller-a").body("""
        {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "%s", "kind": "SNAPSHOT",
         "snapshot": {"inTransit": 0, "qc": 0, "frozen": 0, "sellable": %d}}
        """.formatted(UUID.randomUUID(), warehouse, sku, Instant.parse("2026-11-22T08:00:00Z").plusSeconds(readings),
            sellable)).post("/internal/v1/warehouse-events").then().statusCode(200);
  }

  private JsonPath countNow(String... skus) {
    return as(ALICE).body("{\"warehouseId\": \"" + warehouse + "\", \"sellerSkus\": [\"" + String.join("\", \"", skus)
        + "\"]}").post("/v1/counts").then().statusCode(201).extract().jsonPath();
  }

  private static String results(String sku, long counted) {
    return "{\"lines\": [{\"sellerSku\": \"" + sku + "\", \"counted\": " + counted + "}]}";
  }

  private List<String> countsOfThisWarehouse() {
    JsonPath page = as(ALICE).queryParam("warehouseId", warehouse).get("/v1/counts").then().statusCode(200)
        .extract().jsonPath();
    List<String> described = new ArrayList<>();
    for (int i = 0; i < page.getList("items").size(); i++) {
      described.add(page.getString("items[" + i + "].purpose") + " " + page.getList("items[" + i + "].lines.sellerSku")
          + " " + page.getList("items[" + i + "].lines.velocityClass"));
    }
    return described;
  }

  private int generate() throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> generation.generateDue());
  }

  @Test
  void aCountFreezesTheLedgersFigureAndASmallVarianceIsBookedAtOnceAsACountAdjustment_CNT1() {
    String sku = sku(100);
    JsonPath count = countNow(sku);
    assertThat(count.getString("status")).isEqualTo("OPEN");
    assertThat(count.getLong("lines[0].expected")).isEqualTo(100);

    as(OPERATOR).body(results(sku, 99)).post("/v1/counts/{id}/results", count.getString("id")).then().statusCode(200)
        .body("status", equalTo("APPLIED")).body("lines[0].variance", equalTo(-1))
        .body("submittedBy", equalTo("user-of-seller-a"));
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(99);
    assertThat(pool.preparedQuery("select reason || ' ' || source || ' ' || quantity from stock_movement "
            + "where seller_sku = $1 and reference = $2").execute(Tuple.of(sku, count.getString("id")))
        .await().indefinitely().iterator().next().getString(0)).isEqualTo("COUNT COUNT 1");

    // the first results stand
    as(OPERATOR).body(results(sku, 10)).post("/v1/counts/{id}/results", count.getString("id")).then()
        .statusCode(200).body("lines[0].counted", equalTo(99));
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(99);
  }

  @Test
  void aCountAsksItsWarehouseThroughTheGatewayAndTheWarehousesAnswerIsTakenOnce_CNT1() {
    String sku = sku(40);
    JsonPath count = countNow(sku);
    String id = count.getString("id");
    // written with the count: warehouse-gateway asks the warehouse if its WMS takes count requests
    JsonPath announced = new JsonPath(pool.preparedQuery("select payload from outbox_event where destination = "
            + "'warehouse-gateway' and path = '/internal/v1/count-requests' and payload like $1")
        .execute(Tuple.of("%" + id + "%")).await().indefinitely().iterator().next().getString("payload"));
    assertThat(announced.getString("warehouseId")).isEqualTo(warehouse);
    assertThat(announced.getList("sellerSkus")).containsExactly(sku);

    // the warehouse's answer, through the gateway: applied once, a repeat answers the first results
    as(SERVICE).header(SELLER_HEADER, "seller-a").body(results(sku, 39))
        .post("/internal/v1/counts/{id}/results", id).then().statusCode(200)
        .body("status", equalTo("APPLIED")).body("submittedBy", equalTo("service-account-catalog-service"));
    as(SERVICE).header(SELLER_HEADER, "seller-a").body(results(sku, 1))
        .post("/internal/v1/counts/{id}/results", id).then().statusCode(200).body("lines[0].counted", equalTo(39));
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(39);
    // another seller's count is not found; a seller cannot post as the warehouse
    as(SERVICE).header(SELLER_HEADER, "seller-b").body(results(sku, 1))
        .post("/internal/v1/counts/{id}/results", id).then().statusCode(404);
    as(ALICE).body(results(sku, 1)).post("/internal/v1/counts/{id}/results", id).then().statusCode(403);
  }

  @Test
  void aVarianceBeyondTheThresholdWaitsForASellerAdminsApproval_CNT1() {
    String sku = sku(100);
    String id = countNow(sku).getString("id");

    as(OPERATOR).body(results(sku, 80)).post("/v1/counts/{id}/results", id).then().statusCode(200)
        .body("status", equalTo("PENDING_APPROVAL")).body("lines[0].variance", equalTo(-20));
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).as("nothing applied yet").isEqualTo(100);
    as(OPERATOR).post("/v1/counts/{id}/approval", id).then().statusCode(403);

    as(ALICE).post("/v1/counts/{id}/approval", id).then().statusCode(200).body("status", equalTo("APPLIED"))
        .body("approvedBy", equalTo("user-of-seller-a"));
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(80);
    as(ALICE).post("/v1/counts/{id}/approval", id).then().statusCode(409)
        .body("code", equalTo("COUNT_NOT_PENDING_APPROVAL"));
  }

  @Test
  void anAppliedCountResolvesTheOpenCalibrationTaskOfItsSku_CNT1_WH4() {
    String sku = sku(100);
    read(sku, 130);
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(100);
    String id = countNow(sku).getString("id");

    as(ALICE).body(results(sku, 130)).post("/v1/counts/{id}/results", id).then().statusCode(200)
        .body("status", equalTo("APPLIED")).body("lines[0].variance", equalTo(0));

    as(ALICE).queryParam("sellerSku", sku).get("/v1/calibrations").then()
        .body("items[0].status", equalTo("RESOLVED")).body("items[0].resolutionReason", equalTo("COUNT_CONFIRMED"));
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(130);
  }

  @Test
  void resultsMayArriveAsTheWarehousesCsvFile_CNT1() {
    String first = sku(40);
    String second = sku(60);
    String id = countNow(first, second).getString("id");

    as(ALICE).contentType("text/csv").body("sellerSku,counted\n" + first + ",40\n" + second + ",60\n")
        .post("/v1/counts/{id}/results", id).then().statusCode(200).body("status", equalTo("APPLIED"))
        .body("lines.find { it.sellerSku == '" + first + "' }.counted", equalTo(40))
        .body("lines.find { it.sellerSku == '" + second + "' }.counted", equalTo(60));
  }

  @Test
  void countsRefuseWhatTheyCannotTakeAndNameIt_CNT1() {
    String sku = sku(10);
    String elsewhere = newSku();
    register("seller-a", elsewhere, newWarehouse());
    as(ALICE).body("{\"warehouseId\": \"" + warehouse + "\", \"sellerSkus\": [\"" + sku + "\", \"" + elsewhere + "\"]}")
        .post("/v1/counts").then().statusCode(422).body("code", equalTo("COUNT_SKUS_NOT_IN_WAREHOUSE"))
        .body("errors.field", org.hamcrest.Matchers.contains("sellerSkus[1]"));
    as(ALICE).body("{\"warehouseId\": \"WH-NOT-MINE\", \"sellerSkus\": [\"" + sku + "\"]}").post("/v1/counts").then()
        .statusCode(404);

    String id = countNow(sku).getString("id");
    as(ALICE).body(results(elsewhere, 3)).post("/v1/counts/{id}/results", id).then().statusCode(422)
        .body("code", equalTo("COUNT_RESULT_MISMATCH"))
        .body("errors.message", hasItem(org.hamcrest.Matchers.containsString(elsewhere)))
        .body("errors.message", hasItem(org.hamcrest.Matchers.containsString(sku + " is in the count")));
    as(ALICE).contentType("text/csv").body(sku + ";7").post("/v1/counts/{id}/results", id).then().statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.contains("line 1"));
    as(ALICE).body("{\"lines\": [{\"sellerSku\": \"" + sku + "\", \"counted\": -1}]}")
        .post("/v1/counts/{id}/results", id).then().statusCode(400);
    as(BOB).get("/v1/counts/{id}", id).then().statusCode(404);
    as(BOB).body(results(sku, 10)).post("/v1/counts/{id}/results", id).then().statusCode(404);
    as(ALICE).get("/v1/counts/{id}", id).then().statusCode(200).body("status", equalTo("OPEN"));
  }

  @Test
  void aCyclePlanCountsFastMoversWeeklyAndSlowOnesLessOften_CNT1() throws Throwable {
    String fast = sku(100);
    String steady = sku(100);
    String slow = sku(100);
    ship(fast, 10);
    ship(steady, 2);
    as(ALICE).body("{\"warehouseId\": \"" + warehouse + "\", \"kind\": \"CYCLE\"}").post("/v1/count-plans").then()
        .statusCode(201).body("nextRunAt", org.hamcrest.Matchers.notNullValue());

    generate();
    assertThat(countsOfThisWarehouse()).containsExactly(
        "CYCLE [" + String.join(", ", sorted(fast, steady, slow)) + "] " + classesOf(fast, steady, slow));
    countEverythingAsExpected();

    clock.advance(Duration.ofDays(8));
    generate();
    assertThat(countsOfThisWarehouse()).hasSize(2).last().isEqualTo("CYCLE [" + fast + "] [A]");
    countEverythingAsExpected();

    // a month on, nothing shipped within the last 30 days: every SKU is class C, counted less than 90 days ago
    clock.advance(Duration.ofDays(23));
    generate();
    assertThat(countsOfThisWarehouse()).hasSize(2);
    clock.advance(Duration.ofDays(60));
    generate();
    assertThat(countsOfThisWarehouse()).hasSize(3).last().asString().startsWith("CYCLE [").endsWith("[C]");
  }

  @Test
  void aCampaignIsCountedTheDayBeforeItStartsAndAgainWhenItEnds_CNT1() throws Throwable {
    String promoted = sku(500);
    sku(20);
    OffsetDateTime now = OffsetDateTime.now();
    String plan = as(ALICE).body("{\"warehouseId\": \"" + warehouse + "\", \"kind\": \"CAMPAIGN\", \"name\": \"11.11\", "
            + "\"startsAt\": \"" + now.plusDays(3) + "\", \"endsAt\": \"" + now.plusDays(5) + "\", \"sellerSkus\": [\""
            + promoted + "\"]}").post("/v1/count-plans").then().statusCode(201).extract().path("id");

    generate();
    assertThat(countsOfThisWarehouse()).isEmpty();
    clock.advance(Duration.ofDays(2).plusMinutes(1));
    generate();
    assertThat(countsOfThisWarehouse()).containsExactly("CAMPAIGN_BEFORE [" + promoted + "] [null]");
    clock.advance(Duration.ofDays(3));
    generate();
    assertThat(countsOfThisWarehouse()).containsExactly("CAMPAIGN_BEFORE [" + promoted + "] [null]",
        "CAMPAIGN_AFTER [" + promoted + "] [null]");
    as(ALICE).get("/v1/count-plans/{id}", plan).then().body("active", equalTo(false));

    as(ALICE).body("{\"warehouseId\": \"" + warehouse + "\", \"kind\": \"CAMPAIGN\", \"startsAt\": \"" + now
        + "\", \"endsAt\": \"" + now.minusDays(1) + "\"}").post("/v1/count-plans").then().statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItems("endsAt", "sellerSkus"));
  }

  @Test
  void aFullCountTakesEverySkuOfTheWarehouseOnceAndTwoRoundsAtOnceMakeItOnce_CNT1() throws Exception {
    String one = sku(5);
    String two = sku(6);
    as(ALICE).body("{\"warehouseId\": \"" + warehouse + "\", \"kind\": \"FULL\"}").post("/v1/count-plans").then()
        .statusCode(201);

    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> round = () -> {
        try {
          return generate();
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      };
      for (Future<Integer> each : threads.invokeAll(List.of(round, round))) {
        each.get();
      }
    } finally {
      threads.shutdown();
    }
    assertThat(countsOfThisWarehouse()).containsExactly("FULL [" + String.join(", ", sorted(one, two))
        + "] [null, null]");
  }

  private void ship(String sku, long quantity) {
    String reservation = as(ALICE).body("{\"orderId\": \"o-" + UUID.randomUUID() + "\", \"lines\": [{\"sellerSku\": \""
            + sku + "\", \"quantity\": " + quantity + ", \"warehouseId\": \"" + warehouse + "\"}]}")
        .post("/v1/reservations").then().statusCode(201).extract().path("id");
    as(ALICE).post("/v1/reservations/{id}/commit", reservation).then().statusCode(200);
  }

  /** Every open count of this warehouse counted exactly as the ledger expected. */
  private void countEverythingAsExpected() {
    JsonPath open = as(ALICE).queryParam("warehouseId", warehouse).queryParam("status", "OPEN").get("/v1/counts")
        .then().extract().jsonPath();
    for (int i = 0; i < open.getList("items").size(); i++) {
      List<String> skus = open.getList("items[" + i + "].lines.sellerSku");
      List<Integer> expected = open.getList("items[" + i + "].lines.expected");
      StringBuilder csv = new StringBuilder();
      for (int k = 0; k < skus.size(); k++) {
        csv.append(skus.get(k)).append(',').append(expected.get(k)).append('\n');
      }
      as(ALICE).contentType("text/csv").body(csv.toString())
          .post("/v1/counts/{id}/results", open.getString("items[" + i + "].id")).then().statusCode(200)
          .body("status", equalTo("APPLIED"));
    }
  }

  private static List<String> sorted(String... skus) {
    return java.util.Arrays.stream(skus).sorted().toList();
  }

  /** The classes of fast (A), steady (B) and slow (C) SKUs, in SKU order as a count lists them. */
  private String classesOf(String... skus) {
    List<String> classes = new ArrayList<>();
    for (String sku : sorted(skus)) {
      classes.add(sku.equals(skus[0]) ? "A" : skus.length > 1 && sku.equals(skus[1]) ? "B" : "C");
    }
    return classes.toString();
  }
}
