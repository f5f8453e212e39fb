package io.stockbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.stockbridge.client.inventory.ApiException;
import io.stockbridge.client.inventory.model.ReservationStatus;
import io.stockbridge.client.inventory.model.ReservationView;
import io.stockbridge.examples.erp.ErpSync;
import io.stockbridge.examples.erp.WebhookListener;
import io.stockbridge.testing.TestTokens;

/**
 * An ERP integrator's view, end to end: the example sync program, built on the Java client generated from the
 * committed OpenAPI document, signs in with a client-credentials token from the identity provider and works against
 * the real inventory-service (which validates the token): movements in under idempotency keys, available quantities
 * out, orders reserved, shipped and cancelled, and the signed webhooks it subscribed to verified and consumed.
 */
class ErpSyncSystemTest {
  private static final String SELLER = "seller-erp";
  private static final String SKU = "ERP-SKU-1";
  private static final String WAREHOUSE = "ERP-WH-1";

  private static Suite suite;
  private static ServiceProcess inventory;
  private static WebhookListener listener;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = Suite.start("inventory");
    inventory = new ServiceProcess("inventory-service", suite.environment(),
        List.of("-Dstockbridge.inventory.webhooks.allowed-networks=127.0.0.0/8")).launch();
    inventory.awaitReady();
    // the SKU and the warehouse, registered as catalog-service and warehouse-gateway do
    Suite.as(TestTokens.service("catalog-service"), inventory).header("Stockbridge-Seller-Id", SELLER)
        .put("/internal/v1/skus/{sku}", SKU).then().statusCode(201);
    Suite.as(TestTokens.service("warehouse-gateway"), inventory).header("Stockbridge-Seller-Id", SELLER)
        .put("/internal/v1/warehouses/{id}", WAREHOUSE).then().statusCode(org.hamcrest.Matchers.oneOf(201, 204));
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(listener, inventory, suite);
  }

  @Test
  void theExampleErpKeepsItsStockInStepThroughTheGeneratedClient() throws Exception {
    URI tokens = suite.grantErpClient("erp-x", "erp-x-secret", SELLER);
    ErpSync erp = ErpSync.connect(URI.create(inventory.url()), tokens, "erp-x", "erp-x-secret");
    assertThatThrownBy(() -> ErpSync.connect(URI.create(inventory.url()), tokens, "erp-x", "wrong-secret"))
        .as("the identity provider refuses a wrong secret").isInstanceOf(java.io.IOException.class);

    List<WebhookListener.Event> events = new CopyOnWriteArrayList<>();
    listener = new WebhookListener(0, events::add);
    listener.secret(erp.subscribe(listener.url(), List.of("stock.available_changed")).getSecret());

    java.time.OffsetDateTime lastLook = java.time.OffsetDateTime.now().minusSeconds(1);
    erp.receive("GRN-1", SKU, WAREHOUSE, 10);
    erp.receive("GRN-1", SKU, WAREHOUSE, 10);
    erp.writeOff("ADJ-1", SKU, WAREHOUSE, 1);
    assertThat(erp.available(List.of(SKU))).as("the repeated receipt booked once").containsEntry(SKU, 9L);

    ReservationView shipped = erp.reserve("SO-1", Map.of(SKU, 2L));
    assertThat(shipped.getStatus()).isEqualTo(ReservationStatus.ACTIVE);
    assertThat(erp.reserve("SO-1", Map.of(SKU, 2L)).getId()).as("the same order again").isEqualTo(shipped.getId());
    assertThat(erp.shipped(shipped.getId()).getStatus()).isEqualTo(ReservationStatus.COMMITTED);
    ReservationView cancelled = erp.reserve("SO-2", Map.of(SKU, 3L));
    assertThat(erp.available(List.of(SKU))).containsEntry(SKU, 4L);
    assertThat(erp.cancelled(cancelled.getId()).getStatus()).isEqualTo(ReservationStatus.RELEASED);
    assertThat(erp.available(List.of(SKU))).containsEntry(SKU, 7L);
    // reconciliation: both orders, each in its last state, in the order they changed
    assertThat(erp.changedSince(lastLook)).extracting(ReservationView::getOrderId, ReservationView::getStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SO-1", ReservationStatus.COMMITTED),
            org.assertj.core.groups.Tuple.tuple("SO-2", ReservationStatus.RELEASED));
    assertThat(erp.available(List.of(SKU, "NOT-OURS"))).as("bulk read; unknown SKUs left out")
        .containsOnlyKeys(SKU);
    assertThatThrownBy(() -> erp.reserve("SO-3", Map.of(SKU, 100L))).isInstanceOfSatisfying(ApiException.class,
        refused -> {
          assertThat(refused.getCode()).isEqualTo(409);
          assertThat(refused.getResponseBody()).contains("INSUFFICIENT_STOCK");
        });

    // INV-1: a flash sale the ERP protects, once however often it is sent, is RUNNING and locks hand edits
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
    var promotion = erp.protectPromotion("CAMPAIGN-12", "Double 12", List.of(SKU), now.minusMinutes(1), now.plusHours(2));
    assertThat(promotion.getStatus()).hasToString("RUNNING");
    assertThat(erp.protectPromotion("CAMPAIGN-12", "Double 12", List.of(SKU), now.minusMinutes(1), now.plusHours(2))
        .getId()).isEqualTo(promotion.getId());

    // the webhooks it subscribed to arrive signed (in any order: the newest by the balance's version says what the
    // ledger says)
    await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
        .max(java.util.Comparator.comparingLong(event -> event.data().path("version").asLong()))
        .map(newest -> newest.data().path("available").asLong() == 7L).orElse(false));
    assertThat(events).allSatisfy(event -> {
      assertThat(event.type()).isEqualTo("stock.available_changed");
      assertThat(event.data().path("sellerSku").asText()).isEqualTo(SKU);
    });
  }
}
