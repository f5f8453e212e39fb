package io.stockbridge.inventory.warehouseevent;

import static io.stockbridge.inventory.StockFixture.SELLER_HEADER;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stockbridge.inventory.LedgerInvariant;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The set-based way a batch applies its snapshots (a dozen statements for the lot) must leave the ledger exactly as
 * the same snapshots sent one by one: the same answers, balances, movements (STK-2), age layers (STK-4), audit and
 * channel events. Each test runs both ways side by side on twin items and compares everything.
 */
@QuarkusTest
class SnapshotBatchTest {
  private static final String GATEWAY = TestTokens.service("warehouse-gateway");
  /** A seller whose calibration thresholds are out of reach, so every reading suits the set-based path (WH-4). */
  private static final String SELLER = TestTokens.seller("seller-batch", "seller-admin");
  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

  @Inject
  Pool pool;

  @Inject
  MeterRegistry meters;

  private static String snapshot(String id, String sku, String warehouse, int minute, long sequence, long[] q) {
    return """
        {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "%s", "sequence": "%d",
         "kind": "SNAPSHOT", "snapshot": {"inTransit": %d, "qc": %d, "frozen": %d, "sellable": %d}}
        """.formatted(id, warehouse, sku, START.plusSeconds(60L * minute), sequence, q[0], q[1], q[2], q[3]);
  }

  private static String batchOf(List<String> payloads) {
    List<String> items = new ArrayList<>();
    for (String payload : payloads) {
      items.add("{\"eventId\": \"outbox-" + UUID.randomUUID() + "\", \"eventType\": \"warehouse.snapshot\", "
          + "\"sellerId\": \"seller-batch\", \"payload\": " + payload + "}");
    }
    return "{\"events\": [" + String.join(",", items) + "]}";
  }

  private double settled(String path) {
    Counter counter = meters.find("stockbridge.warehouse.events.batched").tag("path", path).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aBatchLeavesTheLedgerExactlyAsTheSameSnapshotsOneByOne_STK2_STK4() {
    int pairs = 6;
    int rounds = 24;
    String warehouse = newWarehouse();
    List<String> single = new ArrayList<>();
    List<String> batched = new ArrayList<>();
    for (int p = 0; p < pairs; p++) {
      single.add(newSku());
      batched.add(newSku());
      register("seller-batch", single.get(p), warehouse);
      register("seller-batch", batched.get(p), warehouse);
    }
    double setBasedBefore = settled("set-based");
    Random random = new Random(7);
    for (int round = 0; round < rounds; round++) {
      List<String> payloads = new ArrayList<>();
      List<JsonPath> singleAnswers = new ArrayList<>();
      for (int p = 0; p < pairs; p++) {
        // every fifth reading is older than the one applied before it (a delayed poll): answered STALE both ways
        long sequence = round % 5 == 4 ? round - 2 : round + 1;
        long[] quantities = { random.nextInt(20), random.nextInt(6), random.nextInt(4),
            round == 0 ? 10 : random.nextInt(16) };
        String id = "snap-" + UUID.randomUUID();
        singleAnswers.add(as(GATEWAY).header(SELLER_HEADER, "seller-batch")
            .body(snapshot(id + "-single", single.get(p), warehouse, round, sequence, quantities))
            .post("/internal/v1/warehouse-events").then().statusCode(200).extract().jsonPath());
        payloads.add(snapshot(id + "-batched", batched.get(p), warehouse, round, sequence, quantities));
      }
      JsonPath answer = as(GATEWAY).body(batchOf(payloads)).post("/internal/v1/warehouse-events/batch")
          .then().statusCode(200).extract().jsonPath();
      for (int p = 0; p < pairs; p++) {
        assertThat(answer.getInt("results[" + p + "].status")).isEqualTo(200);
        assertThat(answer.getString("results[" + p + "].result.outcome"))
            .isEqualTo(singleAnswers.get(p).getString("outcome"));
        assertThat(answer.getMap("results[" + p + "].result.levels"))
            .as("round %d, pair %d", round, p).isEqualTo(singleAnswers.get(p).getMap("levels"));
      }
      if (round == 0) {
        // orders hold 4 of each item: later readings below that leave them reserved and report a shortfall
        for (int p = 0; p < pairs; p++) {
          for (String sku : List.of(single.get(p), batched.get(p))) {
            as(SELLER).body("{\"orderId\": \"o-" + sku + "\", \"lines\": [{\"sellerSku\": \"" + sku
                + "\", \"quantity\": 4}]}").post("/v1/reservations").then().statusCode(201);
          }
        }
      }
    }
    assertThat(settled("set-based") - setBasedBefore).as("snapshots the set-based way settled")
        .isEqualTo(pairs * rounds);

    for (int p = 0; p < pairs; p++) {
      String one = single.get(p);
      String other = batched.get(p);
      assertThat(rows("select in_transit, qc, frozen, unreserved, reserved, shortfall, version, snapshot_sequence "
          + "from stock_balance where seller_id = 'seller-batch' and seller_sku = $1", other))
          .isEqualTo(rows("select in_transit, qc, frozen, unreserved, reserved, shortfall, version, snapshot_sequence "
              + "from stock_balance where seller_id = 'seller-batch' and seller_sku = $1", one));
      assertThat(rows("select from_bucket, to_bucket, quantity, reason, source from stock_movement "
          + "where seller_id = 'seller-batch' and seller_sku = $1 order by id", other))
          .isEqualTo(rows("select from_bucket, to_bucket, quantity, reason, source from stock_movement "
              + "where seller_id = 'seller-batch' and seller_sku = $1 order by id", one))
          .hasSizeGreaterThan(rounds);
      assertThat(rows("select quantity, remaining from receipt_layer where seller_id = 'seller-batch' and seller_sku = $1 "
          + "order by id", other))
          .isEqualTo(rows("select quantity, remaining from receipt_layer where seller_id = 'seller-batch' "
              + "and seller_sku = $1 order by id", one));
      String audit = "select reason, before_state - 'shortfall', after_state - 'shortfall' from stock_audit "
          + "where seller_id = 'seller-batch' and seller_sku = $1 order by id";
      assertThat(rows(audit, other)).isEqualTo(rows(audit, one));
      String channel = "select payload::jsonb->'available', payload::jsonb->'sellable', payload::jsonb->'reserved', "
          + "payload::jsonb->'version' from outbox_event where path = '/internal/v1/channel-stock' "
          + "and payload::jsonb->>'sellerSku' = $1 order by created_at, id";
      assertThat(rows(channel, other)).isEqualTo(rows(channel, one)).isNotEmpty();
    }
    assertThat(LedgerInvariant.mismatches(pool)).isZero();
  }

  @Test
  void concurrentBatchesOverTheSameItemsWaitForEachOtherAndTheNewestReadingWins() throws Exception {
    int items = 20;
    String warehouse = newWarehouse();
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      skus.add(newSku());
      register("seller-batch", skus.get(i), warehouse);
    }
    int senders = 4;
    CyclicBarrier start = new CyclicBarrier(senders);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        int sender = s;
        Callable<Integer> send = () -> {
          List<String> payloads = new ArrayList<>();
          for (int i = 0; i < items; i++) {
            // each sender lists the items in another order; sender 3's readings are the newest
            String sku = skus.get(sender % 2 == 0 ? (i + sender * 7) % items : items - 1 - i);
            payloads.add(snapshot("conc-" + UUID.randomUUID(), sku, warehouse, sender, sender + 1,
                new long[] { 0, 0, 0, 100L * (sender + 1) }));
          }
          start.await();
          return as(GATEWAY).body(batchOf(payloads)).post("/internal/v1/warehouse-events/batch").statusCode();
        };
        answers.add(pool.submit(send));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    for (String sku : skus) {
      assertThat(rows("select unreserved, snapshot_sequence from stock_balance where seller_id = 'seller-batch' "
          + "and seller_sku = $1", sku)).containsExactly(List.of(400L, "4"));
    }
    assertThat(LedgerInvariant.mismatches(this.pool)).isZero();
  }

  private List<List<Object>> rows(String sql, String sku) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : pool.preparedQuery(sql).execute(Tuple.of(sku)).await().indefinitely()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.getValue(i);
        values.add(value instanceof Map<?, ?> || value == null ? value : value instanceof Number n ? n.longValue()
            : value.toString());
      }
      rows.add(values);
    }
    return rows;
  }
}
