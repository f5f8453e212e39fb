package io.stockbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;
import io.stockbridge.sandbox.warehouse.Accounts;
import io.stockbridge.sandbox.warehouse.WarehouseSandbox;
import io.stockbridge.testing.TestTokens;

/**
 * Rule WH-4 across the real processes: a WINIT warehouse (the sandbox) polled by warehouse-gateway loses units nobody
 * reported; the gateway's reading reaches inventory-service, which opens a calibration task instead of quietly booking
 * the loss. Two inventory replicas run their escalation rounds side by side: the overdue task is escalated once, by
 * one of them, and the SKU takes no new orders on either until the seller explains it. The same two replicas look for
 * due count plans every second (rule CNT-1): each plan's count is produced once.
 */
class CalibrationSystemTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String SKU = "CAL-SYS-SKU";

  private static Suite suite;
  private static WarehouseSandbox partner;
  private static ServiceProcess catalog;
  private static ServiceProcess inventoryA;
  private static ServiceProcess inventoryB;
  private static ServiceProcess gateway;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = Suite.start("catalog", "inventory", "gateway");
    // a task is due 4 s after it opens (2 h in production) and both replicas look for overdue ones every second
    // and both produce the counts of due plans every second (CNT-1)
    List<String> quickCalibration = List.of("-Dstockbridge.inventory.calibration.due-after=4s",
        "-Dstockbridge.inventory.calibration.escalation-interval=1s",
        "-Dstockbridge.inventory.counts.generation-interval=1s");
    inventoryA = new ServiceProcess("inventory-service", suite.environment(), quickCalibration).launch();
    inventoryB = new ServiceProcess("inventory-service", suite.environment(), quickCalibration).launch();
    catalog = new ServiceProcess("catalog-service", suite.environment("STOCKBRIDGE_INVENTORY_URL", inventoryB.url()),
        List.of()).launch();
    partner = new WarehouseSandbox(Accounts.defaults()).start(0);
    gateway = new ServiceProcess("warehouse-gateway", suite.environment("STOCKBRIDGE_INVENTORY_URL", inventoryA.url(),
        "STOCKBRIDGE_CATALOG_URL", catalog.url(), "STOCKBRIDGE_GATEWAY_POLLING_WINIT_URL",
        partner.baseUrl() + "/winit"), List.of()).launch();
    for (ServiceProcess service : List.of(inventoryA, inventoryB, catalog, gateway)) {
      service.awaitReady();
    }
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(gateway, catalog, inventoryA, inventoryB, partner, suite);
  }

  @Test
  void aWarehouseThatLostUnitsOpensACalibrationTaskEscalatedOnceByOneOfTwoReplicas_WH4() {
    Seller alice = new Seller(ALICE, catalog, gateway);
    partner.winit().put("CAL-ITEM", new ObjectMapper().createObjectNode().put("qtyAvailable", 100));
    Seller.Warehouse warehouse = alice.winitWarehouse("CAL-WINIT", partner.accounts(), "CAL-WH");
    alice.product("cal-product", List.of(SKU));
    alice.map(SKU, warehouse, "CAL-ITEM");
    pollNow(warehouse);
    await().atMost(Duration.ofSeconds(60)).until(() -> sellable(warehouse) == 100);
    assertThat(tasks()).as("the first reading is the baseline").isEmpty();

    partner.winit().lose("CAL-ITEM", 20);
    pollNow(warehouse);

    await().atMost(Duration.ofSeconds(60)).until(() -> !tasks().isEmpty());
    JsonPath task = Suite.as(ALICE, inventoryB).queryParam("sellerSku", SKU).get("/v1/calibrations").then()
        .statusCode(200).extract().jsonPath();
    assertThat(task.getLong("items[0].expected.sellable")).isEqualTo(100);
    assertThat(task.getLong("items[0].observed.sellable")).isEqualTo(80);
    assertThat(task.getLong("items[0].unexplained")).isEqualTo(-20);
    assertThat(sellable(warehouse)).as("the ledger takes the lower figure").isEqualTo(80);

    await().atMost(Duration.ofSeconds(30)).until(() -> "ESCALATED".equals(status()));
    // both replicas kept looking for overdue tasks every second; the task was escalated by exactly one of them
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> escalations() == 1);
    assertThat(escalated(inventoryA) + escalated(inventoryB)).isEqualTo(1);
    for (ServiceProcess replica : List.of(inventoryA, inventoryB)) {
      assertThat(order(replica, "cal-blocked-" + replica.url().hashCode())).as("no new orders while overdue")
          .isEqualTo(409);
    }

    Suite.as(ALICE, inventoryA).body("{\"reason\": \"LOSS\", \"note\": \"two cartons missing at WINIT\"}")
        .post("/v1/calibrations/{id}/resolution", task.getString("items[0].id")).then().statusCode(200);
    assertThat(order(inventoryB, "cal-after")).isEqualTo(201);
  }

  @Test
  void duePlansProduceOneCountEachThoughTwoReplicasLookForThemEverySecond_CNT1() {
    Seller alice = new Seller(ALICE, catalog, gateway);
    partner.winit().put("GEN-ITEM", new ObjectMapper().createObjectNode().put("qtyAvailable", 12));
    Seller.Warehouse warehouse = alice.winitWarehouse("GEN-WINIT", partner.accounts(), "GEN-WH");
    alice.product("gen-product", List.of("GEN-SKU"));
    alice.map("GEN-SKU", warehouse, "GEN-ITEM");
    pollNow(warehouse);
    await().atMost(Duration.ofSeconds(60)).until(() -> suite.rows("inventory", "select 1 from stock_balance where "
        + "seller_sku = 'GEN-SKU' and unreserved = 12").size() == 1);

    List<String> plans = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      plans.add(Suite.as(ALICE, i % 2 == 0 ? inventoryA : inventoryB).body("{\"warehouseId\": \"" + warehouse.id()
              + "\", \"kind\": \"FULL\", \"name\": \"Quarter end " + i + "\", \"startsAt\": \""
              + OffsetDateTime.now().minusMinutes(1) + "\"}")
          .post("/v1/count-plans").then().statusCode(201).extract().path("id"));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> fullCountsOf(warehouse).size() == plans.size());
    // both replicas went on looking every second: still one count a plan
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> fullCountsOf(warehouse).size() == plans.size());
    assertThat(fullCountsOf(warehouse)).containsExactlyInAnyOrderElementsOf(plans);
  }

  /** The plan of each FULL count of the warehouse, one entry a count. */
  private static List<String> fullCountsOf(Seller.Warehouse warehouse) {
    return suite.rows("inventory", "select plan_id from stock_count where purpose = 'FULL' and warehouse_id = '"
        + warehouse.id() + "'").stream().map(row -> row.get(0)).toList();
  }

  private static void pollNow(Seller.Warehouse warehouse) {
    Suite.as(ALICE, gateway).post("/v1/warehouses/{id}/poll", warehouse.id()).then().statusCode(202);
  }

  private static long sellable(Seller.Warehouse warehouse) {
    List<List<String>> rows = suite.rows("inventory", "select unreserved + reserved from stock_balance where "
        + "seller_id = 'seller-a' and seller_sku = '" + SKU + "' and warehouse_id = '" + warehouse.id() + "'");
    return rows.isEmpty() ? -1 : Long.parseLong(rows.get(0).get(0));
  }

  private static List<Object> tasks() {
    return Suite.as(ALICE, inventoryA).queryParam("sellerSku", SKU).get("/v1/calibrations").then().statusCode(200)
        .extract().jsonPath().getList("items");
  }

  private static String status() {
    return Suite.as(ALICE, inventoryB).queryParam("sellerSku", SKU).get("/v1/calibrations").then().statusCode(200)
        .extract().path("items[0].status");
  }

  private static long escalations() {
    return Long.parseLong(suite.rows("inventory", "select count(*) from stock_audit where reason = "
        + "'CALIBRATION_ESCALATED' and seller_sku = '" + SKU + "'").get(0).get(0));
  }

  private static long escalated(ServiceProcess replica) {
    String metrics = io.restassured.RestAssured.get(replica.url() + "/q/metrics").then().statusCode(200).extract()
        .asString();
    return metrics.lines().filter(line -> line.startsWith("stockbridge_calibrations_escalated_total"))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  private static int order(ServiceProcess replica, String orderId) {
    return Suite.as(ALICE, replica).body("{\"orderId\": \"" + orderId + "\", \"lines\": [{\"sellerSku\": \"" + SKU
        + "\", \"quantity\": 1}]}").post("/v1/reservations").then().extract().statusCode();
  }
}
