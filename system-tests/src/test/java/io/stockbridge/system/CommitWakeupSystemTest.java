package io.stockbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.stockbridge.testing.TestTokens;

/**
 * Issue 19: outbox dispatch wakes on commit across replicas. Two warehouse-gateway replicas on one database: replica A
 * takes the webhooks and works the inbox but never dispatches its outbox; replica B dispatches, but its schedule is
 * an hour, so only PostgreSQL's commit notification can start its rounds. A reading A commits reaches the ledger
 * through B at once; and when the listening connections are cut, a reading committed while nobody listened is sent
 * when B listens again.
 */
class CommitWakeupSystemTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  /** Far beyond the test's patience: a delivery within it came from a wake-up, not from the schedule. */
  private static final String NEVER = "1h";

  private static Suite suite;
  private static ServiceProcess inventory;
  private static ServiceProcess catalog;
  private static ServiceProcess committing;
  private static ServiceProcess dispatching;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = Suite.start("catalog", "inventory", "gateway");
    inventory = new ServiceProcess("inventory-service", suite.environment(), List.of()).launch();
    catalog = new ServiceProcess("catalog-service", suite.environment("STOCKBRIDGE_INVENTORY_URL", inventory.url()),
        List.of()).launch();
    committing = new ServiceProcess("warehouse-gateway", suite.environment("STOCKBRIDGE_INVENTORY_URL",
        inventory.url(), "STOCKBRIDGE_CATALOG_URL", catalog.url(), "STOCKBRIDGE_OUTBOX_ENABLED", "false"),
        List.of()).launch();
    dispatching = new ServiceProcess("warehouse-gateway", suite.environment("STOCKBRIDGE_INVENTORY_URL",
        inventory.url(), "STOCKBRIDGE_CATALOG_URL", catalog.url(), "STOCKBRIDGE_GATEWAY_INBOX_ENABLED", "false",
        "STOCKBRIDGE_OUTBOX_POLL_INTERVAL", NEVER), List.of()).launch();
    for (ServiceProcess service : List.of(inventory, catalog, committing, dispatching)) {
      service.awaitReady();
    }
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(committing, dispatching, catalog, inventory, suite);
  }

  @Test
  void aCommitOnOneReplicaWakesTheOthersDispatcherAndALostListenerCatchesUpWhenItListensAgain() {
    Seller alice = new Seller(ALICE, catalog, committing);
    Seller.Warehouse warehouse = alice.webhookWarehouse("WAKE-ON-COMMIT");
    alice.product("wake-product", List.of("WAKE-SKU"));
    alice.map("WAKE-SKU", warehouse, "WAKE-ITEM");
    await().atMost(Duration.ofSeconds(60)).until(() -> count("inventory", "select count(*) from known_sku where "
        + "seller_id = 'seller-a' and seller_sku = 'WAKE-SKU'") == 1);

    assertThat(Seller.send(committing, warehouse, "wake-1", Seller.levels("WAKE-ITEM", 1, 40))).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> unreserved() == 40);
    await().atMost(Duration.ofSeconds(10)).until(() -> delivered(warehouse) == 1);

    // every listening connection cut; the next reading is committed before replica B listens again
    assertThat(count("gateway", "select count(pg_terminate_backend(pid)) from pg_stat_activity "
        + "where datname = 'gateway' and query ilike 'listen%'")).isPositive();
    assertThat(Seller.send(committing, warehouse, "wake-2", Seller.levels("WAKE-ITEM", 2, 55))).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> unreserved() == 55);
    await().atMost(Duration.ofSeconds(10)).until(() -> delivered(warehouse) == 2);
  }

  /** The warehouse's snapshots the gateway's outbox settled as delivered (by replica B: A never dispatches). */
  private static long delivered(Seller.Warehouse warehouse) {
    return count("gateway", "select count(*) from outbox_event where status = 'DELIVERED' and path like "
        + "'/internal/v1/warehouse-events%' and payload like '%" + warehouse.id() + "%'");
  }

  private static long unreserved() {
    return count("inventory", "select unreserved from stock_balance where seller_id = 'seller-a' "
        + "and seller_sku = 'WAKE-SKU'");
  }

  private static long count(String database, String sql) {
    return suite.number(database, sql);
  }
}
