package io.stockbridge.catalog.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stockbridge.catalog.SandboxConsent;
import io.stockbridge.sandbox.channel.ChannelSandbox;
import io.stockbridge.catalog.ChannelSandboxResource.InjectChannel;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Shipped channel orders become the month's sales per market, reported to compliance-service (CMP-4). */
@QuarkusTest
class ChannelSalesTest {
  @InjectChannel
  ChannelSandbox channel;

  @Inject
  Pool pool;

  private final String seller = "seller-" + UUID.randomUUID();
  private final String admin = TestTokens.seller(seller, "seller-admin");

  @AfterEach
  void restore() {
    channel.webhooks().url(null);
  }

  private void order(String orderId, String status, String currency, String amount) {
    given().contentType(ContentType.JSON).body("{\"orderId\":\"" + orderId + "\",\"status\":\"" + status
            + "\",\"currency\":\"" + currency + "\",\"totalAmount\":\"" + amount + "\",\"lines\":[{\"skuId\":\"1\","
            + "\"sellerSku\":\"SALE-1\",\"quantity\":1}]}")
        .post(channel.baseUrl() + "/sandbox/channel/orders").then().statusCode(200);
  }

  /** The month totals queued for compliance-service, oldest first. */
  private List<String> reportedTotals() {
    List<String> totals = new ArrayList<>();
    pool.preparedQuery("select payload::jsonb ->> 'market', payload::jsonb ->> 'month', payload::jsonb ->> 'amountUsd' "
            + "from outbox_event where destination = 'compliance-service' and path = '/internal/v1/sales' "
            + "and seller_id = $1 order by created_at")
        .execute(Tuple.of(seller)).await().indefinitely()
        .forEach(row -> totals.add(row.getString(0) + " " + row.getString(1) + " " + row.getString(2)));
    return totals;
  }

  @Test
  void shippedOrdersAddUpOnceEachIntoTheMonthsSalesOfTheMarket_CMP4() throws Exception {
    String connection = SandboxConsent.connect(admin, "TH");
    channel.webhooks().url("http://localhost:" + io.restassured.RestAssured.port + "/webhooks/channel/" + connection);
    order("TH-1", "AWAITING_SHIPMENT", "THB", "20000");
    assertThat(reportedTotals()).as("a placed order is not a sale yet").isEmpty();
    order("TH-1", "IN_TRANSIT", "THB", "20000");
    order("TH-1", "DELIVERED", "THB", "20000");
    order("TH-2", "IN_TRANSIT", "THB", "20000.50");
    order("TH-3", "IN_TRANSIT", "JPY", "1000");
    String month = YearMonth.now(ZoneOffset.UTC).toString();
    // 20,000 THB at 0.029 USD each; TH-1 counted once although it shipped and was delivered; no rate for JPY
    assertThat(reportedTotals()).containsExactly("TH " + month + " 580.00", "TH " + month + " 1160.01");
  }
}
