package io.stockbridge.gateway.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Multi;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxConfig;
import io.stockbridge.platform.outbox.OutboxDispatcher;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.SettableClock;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Snapshots for the ledger travel in batches (stockbridge.outbox.batched-paths): one request for many events, each
 * recorded by the receiver's answer for it, and a failed request leaving every event of it for the next attempt.
 */
@QuarkusTest
class BatchDeliveryTest {
  private static final String BATCH = "/internal/v1/warehouse-events/batch";

  @InjectDestination
  WireMockServer inventory;

  @Inject
  Outbox outbox;

  @Inject
  OutboxDispatcher dispatcher;

  @Inject
  Pool pool;

  @Inject
  SettableClock clock;

  @Inject
  OutboxConfig config;

  @AfterEach
  void reset() {
    clock.reset();
    inventory.resetAll();
  }

  private List<UUID> enqueue(int count) throws Throwable {
    String run = UUID.randomUUID().toString();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String eventId = run + "-" + i;
      String sku = "SKU-" + run + "-" + i;
      ids.add(VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue(
          new OutboxMessage("inventory-service", "/internal/v1/warehouse-events", "warehouse.snapshot", "seller-a",
              Map.of("eventId", eventId, "sellerSku", sku))))));
    }
    return ids;
  }

  private String status(UUID id) {
    return pool.preparedQuery("select status from outbox_event where id = $1").execute(Tuple.of(id)).await()
        .indefinitely().iterator().next().getString(0);
  }

  private int dispatchAll() throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom().range(0, 3)
        .onItem().transformToUniAndConcatenate(round -> dispatcher.dispatch("batch-test"))
        .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
  }

  @Test
  void oneRequestCarriesTheEventsAndEachIsRecordedByItsOwnAnswer() throws Throwable {
    List<UUID> ids = enqueue(4);
    inventory.stubFor(post(BATCH).willReturn(okJson("{\"results\": ["
        + "{\"eventId\": \"" + ids.get(0) + "\", \"status\": 200},"
        + "{\"eventId\": \"" + ids.get(1) + "\", \"status\": 422, \"code\": \"MALFORMED_EVENT\", \"detail\": \"no\"},"
        + "{\"eventId\": \"" + ids.get(2) + "\", \"status\": 503},"
        + "{\"eventId\": \"" + ids.get(3) + "\", \"status\": 422, \"code\": \"UNKNOWN_SKU_OR_WAREHOUSE\", "
        + "\"retryable\": true}]}")));
    VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatch("batch-test"));

    var requests = inventory.findAll(postRequestedFor(urlEqualTo(BATCH)));
    assertThat(requests).hasSize(1);
    JsonPath sent = new JsonPath(requests.get(0).getBodyAsString());
    // other tests may have left events for the ledger waiting; ours are in the request, in the order written
    List<String> ours = ids.stream().map(UUID::toString).toList();
    assertThat(sent.getList("events.eventId", String.class)).filteredOn(ours::contains).containsExactlyElementsOf(ours);
    assertThat(sent.getList("events.sellerId", String.class)).contains("seller-a");
    int first = sent.getList("events.eventId", String.class).indexOf(ours.get(0));
    assertThat(sent.getString("events[" + first + "].payload.eventId")).endsWith("-0");
    assertThat(status(ids.get(0))).isEqualTo("DELIVERED");
    // a final refusal is a dead letter with the receiver's reason; "not yet" and a failure wait for a retry
    assertThat(status(ids.get(1))).isEqualTo("DEAD");
    assertThat(pool.preparedQuery("select last_error from outbox_event where id = $1").execute(Tuple.of(ids.get(1)))
        .await().indefinitely().iterator().next().getString(0)).isEqualTo("422 MALFORMED_EVENT: no");
    assertThat(status(ids.get(2))).isEqualTo("PENDING");
    assertThat(status(ids.get(3))).isEqualTo("PENDING");
  }

  @Test
  void aFailedOrUnreadableBatchLeavesEveryEventForTheNextAttempt() throws Throwable {
    List<UUID> ids = enqueue(2);
    inventory.stubFor(post(BATCH).willReturn(aResponse().withStatus(503)));
    VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatch("batch-test"));
    assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("PENDING"));

    // a receiver without the batch endpoint must not make events vanish either
    inventory.resetAll();
    inventory.stubFor(post(BATCH).willReturn(aResponse().withStatus(404)));
    clock.advance(config.maxBackoff().plusSeconds(1));
    VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatch("batch-test"));
    assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("PENDING"));

    inventory.resetAll();
    inventory.stubFor(post(BATCH).willReturn(okJson("{\"results\": ["
        + "{\"eventId\": \"" + ids.get(0) + "\", \"status\": 200}, {\"eventId\": \"" + ids.get(1) + "\", \"status\": 200}]}")));
    clock.advance(config.maxBackoff().plusSeconds(1));
    assertThat(dispatchAll()).isGreaterThanOrEqualTo(2);
    assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("DELIVERED"));
  }
}
