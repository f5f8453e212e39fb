package io.stockbridge.gateway.warehouse;

import static io.stockbridge.testing.Api.anonymous;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.platform.webhook.StandardWebhookSignature;
import io.stockbridge.platform.alert.AlertReport;
import io.stockbridge.testing.AlertReports;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;

/**
 * Rule WH-2: a warehouse that stops sending stock data is told to the seller's alert feed once it is past its
 * promise (15 minutes for an API warehouse), and cleared by its next data.
 */
@QuarkusTest
class StaleWarehouseAlertTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String EVENT = "{\"type\": \"inventory.updated\", \"data\": {\"sku\": \"EAR-1\", \"onHand\": 12}}";

  @Inject
  SettableClock clock;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private static List<AlertReport> report(String warehouseId) {
    return AlertReports.reportedOf(warehouseId);
  }

  private static void send(String warehouseId, String secret) {
    String id = "evt-" + UUID.randomUUID();
    long timestamp = Instant.now().getEpochSecond();
    byte[] bytes = EVENT.getBytes(StandardCharsets.UTF_8);
    anonymous().header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", StandardWebhookSignature.sign(secret, id, timestamp, bytes))
        .body(bytes).post("/webhooks/{id}", warehouseId).then().statusCode(202);
  }

  @Test
  void aWarehousePastItsPromiseIsReportedStaleOnceAndClearedByItsNextData_WH2() throws Throwable {
    var created = as(ALICE).body("{\"code\": \"WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"Partner\", \"country\": \"US\", \"adapter\": \"STANDARD_WEBHOOKS\", \"apiReady\": true}")
        .post("/v1/warehouses").then().statusCode(201).extract();
    String warehouse = created.path("id");
    assertThat(report(warehouse)).as("a warehouse that never sent anything is not stale yet").isEmpty();
    send(warehouse, created.path("webhookSecret"));
    assertThat(report(warehouse)).isEmpty();

    clock.advance(Duration.ofMinutes(16));
    assertThat(report(warehouse)).singleElement().satisfies(report -> {
      assertThat(report.type()).isEqualTo("WAREHOUSE_STALE");
      assertThat(report.state()).isEqualTo(AlertReport.State.RAISED);
      assertThat(report.warehouseId()).isEqualTo(warehouse);
      assertThat(report.summary()).contains("sent no stock data since");
      assertThat(report.details()).containsEntry("adapter", "STANDARD_WEBHOOKS").containsEntry("staleAfterSeconds", 900);
    });
    as(ALICE).get("/v1/warehouses/{id}", warehouse).then().statusCode(200)
        .body("syncState", org.hamcrest.Matchers.equalTo("STALE"));
    assertThat(report(warehouse)).as("told once while it holds").isEmpty();

    clock.reset();
    send(warehouse, created.path("webhookSecret"));
    assertThat(report(warehouse)).singleElement()
        .satisfies(report -> assertThat(report.state()).isEqualTo(AlertReport.State.CLEARED));
  }
}
