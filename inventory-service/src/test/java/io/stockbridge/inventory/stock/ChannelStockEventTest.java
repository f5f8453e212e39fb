package io.stockbridge.inventory.stock;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stockbridge.platform.outbox.OutboxDispatcher;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A SKU's available quantity reaches catalog-service (played here by a stub) through the outbox; a change still
 * waiting there is superseded by a newer one of the same item, so the channel edge gets the newest state, never an
 * older one after a newer.
 */
@QuarkusTest
class ChannelStockEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @InjectDestination
  WireMockServer catalog;

  @Inject
  OutboxDispatcher dispatcher;

  @Inject
  Pool pool;

  @Test
  void theNewestAvailableQuantityReachesTheChannelEdgeAndAWaitingOlderOneIsSuperseded() {
    // catalog-service answers each event of a batch by its id, as its batch endpoint does
    catalog.stubFor(post("/internal/v1/channel-stock/batch").willReturn(okJson("{\"results\": ["
        + "{{#each (jsonPath request.body '$.events') as |event|}}{{#unless @first}},{{/unless}}"
        + "{\"eventId\": \"{{event.eventId}}\", \"status\": 200}{{/each}}]}").withTransformers("response-template")));
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
    // the batch's answer named the event: it is recorded delivered, not left for a retry
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.preparedQuery(
            "select status from outbox_event where path = '/internal/v1/channel-stock' "
                + "and payload::jsonb->>'sellerSku' = $1 and status <> 'SUPERSEDED'")
        .execute(Tuple.of(sku)).await().indefinitely().iterator().next().getString(0)).isEqualTo("DELIVERED"));
    assertThat(events.get(0).getLong("available")).isEqualTo(7L);
    assertThat(events.get(0).getLong("reserved")).isEqualTo(3L);
    assertThat(events.get(0).getString("warehouseId")).isEqualTo(warehouse);
  }

  /** The payloads of the seller's events for the SKU that reached the stub, oldest version first. */
  private List<JsonPath> events(String sku) {
    List<JsonPath> payloads = new ArrayList<>();
    for (LoggedRequest request : catalog.findAll(postRequestedFor(urlEqualTo("/internal/v1/channel-stock/batch")))) {
      try {
        for (JsonNode event : JSON.readTree(request.getBodyAsString()).path("events")) {
          if ("seller-a".equals(event.path("sellerId").asText()) && sku.equals(event.path("payload").path("sellerSku").asText())) {
            payloads.add(JsonPath.from(event.path("payload").toString()));
          }
        }
      } catch (JsonProcessingException e) {
        throw new AssertionError("The outbox sent a batch that is not JSON", e);
      }
    }
    payloads.sort((a, b) -> Long.compare(a.getLong("version"), b.getLong("version")));
    return payloads;
  }


}
