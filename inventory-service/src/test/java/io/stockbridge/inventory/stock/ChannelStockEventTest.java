package io.stockbridge.inventory.stock;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stockbridge.platform.outbox.OutboxDispatcher;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;

/**
 * A SKU's available quantity reaches catalog-service (played here by a stub) through the outbox; a change still
 * waiting there is superseded by a newer one of the same item, so the channel edge gets the newest state, never an
 * older one after a newer.
 */
@QuarkusTest
class ChannelStockEventTest {
  @InjectDestination
  WireMockServer catalog;

  @Inject
  OutboxDispatcher dispatcher;

  @Test
  void theNewestAvailableQuantityReachesTheChannelEdgeAndAWaitingOlderOneIsSuperseded() {
    catalog.stubFor(post("/internal/v1/channel-stock").willReturn(ok()));
    String sku = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    as(ALICE).body("{\"orderId\": \"ch-" + sku + "\", \"lines\": [{\"sellerSku\": \"" + sku + "\", \"quantity\": 3}]}")
        .post("/v1/reservations").then().statusCode(201);

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
      dispatcher.dispatch("channel-test").await().atMost(Duration.ofSeconds(10));
      List<JsonPath> sent = events(sku);
      return !sent.isEmpty() && sent.get(sent.size() - 1).getLong("available") == 7L;
    });
    List<JsonPath> events = events(sku);
    // both changes were waiting when the dispatcher ran: the receipt (10) was superseded by the reservation (7)
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getLong("available")).isEqualTo(7L);
    assertThat(events.get(0).getLong("reserved")).isEqualTo(3L);
    assertThat(events.get(0).getString("warehouseId")).isEqualTo(warehouse);
  }

  private List<JsonPath> events(String sku) {
    return catalog.findAll(postRequestedFor(urlEqualTo("/internal/v1/channel-stock"))).stream()
        .filter(r -> "seller-a".equals(r.getHeader("Stockbridge-Seller-Id")))
        .map(r -> new JsonPath(r.getBodyAsString()))
        .filter(e -> sku.equals(e.getString("sellerSku")))
        .sorted((a, b) -> Long.compare(a.getLong("version"), b.getLong("version")))
        .toList();
  }
}
