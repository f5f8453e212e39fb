package io.stockbridge.gateway.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.stockbridge.gateway.webhook.WebhookPartner.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.stockbridge.gateway.config.InboxConfig;
import io.stockbridge.gateway.webhook.service.InboxProcessor;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Issue scenario 3: one seller's bad events never stall another's. Refusals are answers, rounds take every
 * warehouse's turn, an event that keeps failing on its own is parked, and readings the suite could never apply are
 * refused at the edge.
 */
@QuarkusTest
class InboxFairnessTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String BOB = TestTokens.seller("seller-b", "seller-admin");

  @InjectDestination
  WireMockServer services;

  @Inject
  InboxProcessor processor;

  @Inject
  Pool pool;

  @Inject
  SettableClock clock;

  @Inject
  InboxConfig inboxConfig;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private int process() {
    try {
      return VertxContextSupport.subscribeAndAwait(() -> processor.processReceived());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private void mapItem(WebhookPartner partner, String itemId, String sellerSku) {
    services.stubFor(get("/internal/v1/warehouse-items/" + partner.warehouseId() + "/" + itemId)
        .willReturn(okJson("{\"sellerSku\": \"" + sellerSku + "\", \"barcode\": null}")));
  }

  private List<Row> events(WebhookPartner partner) {
    List<Row> rows = new ArrayList<>();
    pool.preparedQuery("select status, reason, attempts, next_attempt_at from inbound_event where warehouse_id = $1 "
            + "order by created_at").execute(Tuple.of(UUID.fromString(partner.warehouseId()))).await().indefinitely()
        .forEach(rows::add);
    return rows;
  }

  @Test
  void aFloodOfEventsCatalogRefusesNeitherStallsAnotherSellerNorOpensTheSharedBreaker_scenario3() {
    WebhookPartner flooding = WebhookPartner.connect(ALICE, "STANDARD_WEBHOOKS");
    WebhookPartner other = WebhookPartner.connect(BOB, "STANDARD_WEBHOOKS");
    // catalog-service refuses the flooding warehouse's item ids (its own rules are stricter than the gateway's)
    services.stubFor(get(urlPathMatching("/internal/v1/warehouse-items/" + flooding.warehouseId() + "/.*"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"detail\":\"wmsItemId is not a valid id\"}")));
    mapItem(other, "BOB-1", "BOB-SKU-1");
    mapItem(other, "BOB-2", "BOB-SKU-2");
    for (int i = 0; i < 150; i++) {
      flooding.send(levels("BAD ITEM " + i, 1)).statusCode(202);
    }
    other.send(levels("BOB-1", 5)).statusCode(202);

    // one round: the other seller's event has its turn ahead of the flood's second event
    process();
    assertThat(events(other)).extracting(row -> row.getString("status")).containsExactly("DELIVERING");
    // the refused events are settled with catalog-service's reason, not retried in everyone's way
    // the rest of the flood, round after round (bounded: an event that keeps waiting must not hold the build)
    for (int round = 0; round < 50 && process() > 0; round++) {
      assertThat(round).isLessThan(49);
    }
    assertThat(events(flooding)).hasSize(150).allSatisfy(row -> {
      assertThat(row.getString("status")).isEqualTo("REJECTED");
      assertThat(row.getString("reason")).contains("catalog-service refused").contains("400");
    });
    // 150 refusals opened no breaker: the other seller's next item is looked up at once
    other.send(levels("BOB-2", 7)).statusCode(202);
    process();
    assertThat(events(other)).extracting(row -> row.getString("status")).containsExactly("DELIVERING", "DELIVERING");
  }

  /**
   * Issue 13: one seller's failures never open a breaker for the others. catalog-service fails (500) every lookup of
   * one seller's items until that seller's breaker opens; another seller's reading is still looked up at once.
   */
  @Test
  void lookupsThatKeepFailingForOneSellerOpenOnlyThatSellersBreaker_scenario3() {
    WebhookPartner failing = WebhookPartner.connect(TestTokens.seller("seller-" + UUID.randomUUID(), "seller-admin"),
        "STANDARD_WEBHOOKS");
    WebhookPartner other = WebhookPartner.connect(TestTokens.seller("seller-" + UUID.randomUUID(), "seller-admin"),
        "STANDARD_WEBHOOKS");
    String failingItems = "/internal/v1/warehouse-items/" + failing.warehouseId() + "/.*";
    services.stubFor(get(urlPathMatching(failingItems)).willReturn(aResponse().withStatus(500)));
    mapItem(other, "OTHER-1", "OTHER-SKU-1");
    for (int i = 0; i < 30; i++) {
      failing.send(levels("BROKEN-" + i, 1)).statusCode(202);
    }
    process();
    int lookups = services.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        urlPathMatching(failingItems))).size();
    // the breaker opened before every lookup was tried (three tries each would be 90)
    assertThat(lookups).isLessThan(90);
    assertThat(events(failing)).allSatisfy(row -> assertThat(row.getString("status")).isEqualTo("RECEIVED"));

    other.send(levels("OTHER-1", 4)).statusCode(202);
    process();
    assertThat(events(other)).extracting(row -> row.getString("status")).containsExactly("DELIVERING");
  }

  @Test
  void anOutageOfCatalogMakesAnEventWaitWithoutCountingAgainstIt() {
    WebhookPartner partner = WebhookPartner.connect(ALICE, "STANDARD_WEBHOOKS");
    services.stubFor(get("/internal/v1/warehouse-items/" + partner.warehouseId() + "/DOWN-1")
        .willReturn(aResponse().withStatus(503)));
    partner.send(levels("DOWN-1", 3)).statusCode(202);
    process();
    Row waiting = events(partner).get(0);
    assertThat(waiting.getString("status")).isEqualTo("RECEIVED");
    assertThat(waiting.getInteger("attempts")).isZero();
    assertThat(waiting.getString("reason")).contains("catalog-service could not answer");
    assertThat(waiting.getOffsetDateTime("next_attempt_at")).isAfter(java.time.OffsetDateTime.now().minusSeconds(1));

    mapItem(partner, "DOWN-1", "EAR-DOWN");
    clock.advance(inboxConfig.maxBackoff().plusSeconds(1));
    process();
    assertThat(events(partner).get(0).getString("status")).isEqualTo("DELIVERING");
  }

  @Test
  void anEventThatFailsOnItsOwnIsSettledAloneAndParkedAfterItsAttemptsWhileItsRoundGoesOn() {
    WebhookPartner poisoned = WebhookPartner.connect(ALICE, "STANDARD_WEBHOOKS");
    WebhookPartner healthy = WebhookPartner.connect(BOB, "STANDARD_WEBHOOKS");
    mapItem(poisoned, "WMS-POISON", "POISON-SKU");
    mapItem(healthy, "WMS-FINE", "FINE-SKU");
    // the database refuses to record anything about POISON-SKU: the round's common transaction fails
    pool.query("""
        create or replace function refuse_poison() returns trigger language plpgsql as $$
        begin
          if new.payload like '%POISON-SKU%' then raise exception 'poison refused by the test'; end if;
          return new;
        end $$""").execute().await().indefinitely();
    pool.query("create trigger refuse_poison before insert on outbox_event for each row execute function "
        + "refuse_poison()").execute().await().indefinitely();
    try {
      poisoned.send(levels("WMS-POISON", 1)).statusCode(202);
      healthy.send(levels("WMS-FINE", 2)).statusCode(202);
      process();
      assertThat(events(healthy)).extracting(row -> row.getString("status")).containsExactly("DELIVERING");
      Row failed = events(poisoned).get(0);
      assertThat(failed.getString("status")).isEqualTo("RECEIVED");
      assertThat(failed.getInteger("attempts")).isEqualTo(1);

      for (int attempt = 2; attempt <= 5; attempt++) {
        clock.advance(inboxConfig.maxBackoff().plusSeconds(1));
        process();
      }
      Row parked = events(poisoned).get(0);
      assertThat(parked.getString("status")).isEqualTo("PARKED");
      assertThat(parked.getString("reason")).startsWith("failed 5 times").contains("poison refused by the test");
    } finally {
      pool.query("drop trigger refuse_poison on outbox_event").execute().await().indefinitely();
    }
  }

  @Test
  void readingsTheSuiteCouldNeverApplyAreRefusedAtTheEdgeWithTheFieldsNamed() {
    WebhookPartner partner = WebhookPartner.connect(ALICE, "STANDARD_WEBHOOKS");
    partner.send(levels("X".repeat(200), 1)).statusCode(400).contentType("application/problem+json")
        .body("code", equalTo("READING_OUT_OF_LIMITS")).body("errors.field", hasItem("items[0].itemId"));
    partner.send(levels("EAR-1", 2_000_000_000L)).statusCode(400)
        .body("errors.field", hasItem("items[0].sellable"));
    partner.send(levels("EAR-\\u0007", 1)).statusCode(400).body("errors.field", hasItem("items[0].itemId"));
    partner.send("{\"type\": \"inventory.levels\"} trailing").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
    assertThat(events(partner)).isEmpty();
  }

  @Test
  void aBodyWithANulByteIsRefusedAloneWhileConcurrentArrivalsAreStored() throws Exception {
    WebhookPartner partner = WebhookPartner.connect(ALICE, "STANDARD_WEBHOOKS");
    byte[] nul = levels("EAR-NUL", 1).replace("EAR-NUL", "EAR\u0000NUL").getBytes(StandardCharsets.UTF_8);
    ExecutorService senders = Executors.newFixedThreadPool(12);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> valid = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String body = levels("EAR-OK-" + i, i);
        valid.add(senders.submit(() -> {
          start.await();
          return partner.send(body).extract().statusCode();
        }));
      }
      Future<Integer> refused = senders.submit(() -> {
        start.await();
        return partner.send(nul).extract().statusCode();
      });
      start.countDown();
      assertThat(refused.get()).isEqualTo(400);
      for (Future<Integer> answer : valid) {
        assertThat(answer.get()).isEqualTo(202);
      }
    } finally {
      senders.shutdownNow();
    }
    assertThat(events(partner)).hasSize(10);
  }
}
