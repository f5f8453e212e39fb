package io.stockbridge.inventory.webhook;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.BOB;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.SELLER_HEADER;
import static io.stockbridge.inventory.StockFixture.SERVICE;
import static io.stockbridge.inventory.StockFixture.movement;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.alert.service.AlertSweep;
import io.stockbridge.inventory.reservation.service.ReservationExpiry;
import io.stockbridge.inventory.webhook.service.WebhookDispatcher;
import io.stockbridge.testing.WebhookReceiver;
import io.stockbridge.testing.WebhookReceiver;

/**
 * Sellers and ERPs are told, not left to poll: events reach every subscriber that asked for them, signed as Standard
 * Webhooks specify (checked here by the receiver's own code), retried under the same webhook-id until taken, dead
 * and replayable after the retry window, and one receiver that fails or hangs never holds up another.
 */
@QuarkusTest
class WebhookTest {
  @Inject
  WebhookDispatcher dispatcher;

  @Inject
  AlertSweep sweep;

  @Inject
  ReservationExpiry expiry;

  private final List<WebhookReceiver> receivers = new ArrayList<>();
  private final List<String> subscriptions = new ArrayList<>();
  private final String sku = newSku();
  private final String warehouse = newWarehouse();

  @AfterEach
  void unsubscribe() {
    subscriptions.forEach(id -> as(ALICE).delete("/v1/webhook-subscriptions/{id}", id));
    receivers.forEach(WebhookReceiver::close);
  }

  private WebhookReceiver receiver() throws IOException {
    WebhookReceiver receiver = new WebhookReceiver();
    receivers.add(receiver);
    return receiver;
  }

  /** Subscribes the receiver and gives it the secret, which only this answer shows. */
  private String subscribe(WebhookReceiver receiver, String... events) {
    Map<String, Object> created = as(ALICE).body(Map.of("url", receiver.url(), "events", List.of(events)))
        .post("/v1/webhook-subscriptions").then().statusCode(201)
        .body("secret", startsWith("whsec_")).extract().jsonPath().getMap("");
    String id = (String) created.get("id");
    subscriptions.add(id);
    receiver.secret((String) created.get("secret"));
    return id;
  }

  private void run(Supplier<Uni<?>> work) {
    try {
      VertxContextSupport.subscribeAndAwait(work::get);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs delivery rounds, as the scheduler does, until {@code done}. */
  private void deliverUntil(BooleanSupplier done) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
      run(dispatcher::round);
      return done.getAsBoolean();
    });
  }

  private void move(String from, String to, long quantity) {
    as(ALICE).body(movement(sku, warehouse, from, to, quantity, "TEST")).post("/v1/stock/movements").then()
        .statusCode(200);
  }

  private List<Map<String, Object>> log(String subscription) {
    return as(ALICE).queryParam("limit", 500).get("/v1/webhook-subscriptions/{id}/deliveries", subscription).then()
        .statusCode(200).extract().jsonPath().getList("items");
  }

  private List<WebhookReceiver.Received> stockOf(WebhookReceiver receiver, String sellerSku) {
    return receiver.accepted("stock.available_changed").stream()
        .filter(r -> sellerSku.equals(r.data().getString("sellerSku"))).toList();
  }

  @Test
  void anAlertOpenedAndResolvedAndTheNewestAvailableQuantityReachTheSubscriberSigned_CNT2() throws IOException {
    register("seller-a", sku, warehouse);
    WebhookReceiver receiver = receiver();
    String subscription = subscribe(receiver, "alert.opened", "alert.resolved", "stock.available_changed");
    as(ALICE).get("/v1/webhook-subscriptions/{id}", subscription).then().statusCode(200)
        .body("secret", nullValue()).body("url", equalTo(receiver.url()));

    receive(ALICE, sku, warehouse, 20);
    as(ALICE).body("{\"safetyStock\": 10, \"leadTimeDays\": 7}")
        .put("/v1/stock/{sku}/warehouses/{warehouse}/safety-stock", sku, warehouse).then().statusCode(200);
    move("SELLABLE", "OUTSIDE", 12);
    move("SELLABLE", "OUTSIDE", 3);
    run(sweep::sweep);

    deliverUntil(() -> receiver.accepted("alert.opened").stream()
        .anyMatch(r -> sku.equals(r.data().getString("sellerSku"))) && !stockOf(receiver, sku).isEmpty());
    WebhookReceiver.Received opened = receiver.accepted("alert.opened").stream()
        .filter(r -> sku.equals(r.data().getString("sellerSku"))).findFirst().orElseThrow();
    assertThat(opened.data().getString("type")).isEqualTo("BELOW_SAFETY_STOCK");
    assertThat(opened.data().getString("warehouseId")).isEqualTo(warehouse);
    assertThat(opened.json().getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z");
    assertThat(opened.id()).startsWith("msg_");
    // three changes of the available quantity before the first round (the last move left it at 0 below the safety
    // stock): the newest stands in for them all
    List<WebhookReceiver.Received> stock = stockOf(receiver, sku);
    assertThat(stock).hasSize(1);
    assertThat(stock.get(0).data().getLong("available")).isEqualTo(levels(ALICE, sku, warehouse).getLong("available"));
    assertThat(stock.get(0).data().getLong("sellable")).isEqualTo(8);

    move("OUTSIDE", "SELLABLE", 10);
    run(sweep::sweep);
    deliverUntil(() -> receiver.accepted("alert.resolved").stream()
        .anyMatch(r -> sku.equals(r.data().getString("sellerSku"))));
    WebhookReceiver.Received resolved = receiver.accepted("alert.resolved").stream()
        .filter(r -> sku.equals(r.data().getString("sellerSku"))).findFirst().orElseThrow();
    assertThat(resolved.data().getString("id")).isEqualTo(opened.data().getString("id"));
    assertThat(resolved.data().getString("status")).isEqualTo("RESOLVED");
    deliverUntil(() -> stockOf(receiver, sku).size() == 2);
    assertThat(stockOf(receiver, sku).get(1).data().getLong("sellable")).isEqualTo(15);

    assertThat(receiver.received()).allMatch(receiver::verifies);
    List<Map<String, Object>> log = log(subscription);
    assertThat(log).extracting(d -> d.get("status")).containsOnly("DELIVERED");
    assertThat(log).extracting(d -> d.get("webhookId"))
        .containsAll(receiver.received().stream().map(WebhookReceiver.Received::id).toList());
  }

  @Test
  void aFailingReceiverIsAskedAgainUnderTheSameWebhookIdUntilItTakesTheDelivery() throws IOException {
    register("seller-a", sku, warehouse);
    WebhookReceiver receiver = receiver();
    String subscription = subscribe(receiver, "stock.available_changed");
    receiver.answer(500, 503);
    receive(ALICE, sku, warehouse, 7);

    deliverUntil(() -> !stockOf(receiver, sku).isEmpty());
    List<WebhookReceiver.Received> attempts = receiver.received();
    assertThat(attempts).extracting(WebhookReceiver.Received::answered).containsExactly(500, 503, 200);
    assertThat(attempts).extracting(WebhookReceiver.Received::id).containsOnly(attempts.get(0).id());
    assertThat(attempts).allMatch(receiver::verifies);
    Map<String, Object> delivery = log(subscription).get(0);
    assertThat(delivery).containsEntry("status", "DELIVERED").containsEntry("attempts", 3)
        .containsEntry("lastResponseStatus", 200).containsEntry("webhookId", attempts.get(0).id());
    as(ALICE).get("/v1/webhook-subscriptions/{id}", subscription).then().body("consecutiveFailures", equalTo(0));
  }

  @Test
  void aDeliveryNotTakenWithinTheRetryWindowIsDeadAndCanBeReplayed() throws IOException {
    register("seller-a", sku, warehouse);
    WebhookReceiver receiver = receiver();
    String subscription = subscribe(receiver, "stock.available_changed");
    receiver.answer(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
    receive(ALICE, sku, warehouse, 3);

    // the test profile's retry window is a few seconds instead of three days
    deliverUntil(() -> "DEAD".equals(log(subscription).get(0).get("status")));
    Map<String, Object> dead = log(subscription).get(0);
    assertThat((int) dead.get("attempts")).isGreaterThan(1);
    assertThat(dead).containsEntry("lastResponseStatus", 500);
    assertThat((String) dead.get("lastError")).contains("answered 500");
    assertThat(stockOf(receiver, sku)).isEmpty();

    receiver.clearAnswers();
    String deliveryId = (String) dead.get("id");
    as(BOB).post("/v1/webhook-subscriptions/{id}/deliveries/{delivery}/replay", subscription, deliveryId).then()
        .statusCode(404);
    as(ALICE).post("/v1/webhook-subscriptions/{id}/deliveries/{delivery}/replay", subscription, deliveryId).then()
        .statusCode(200).body("status", equalTo("PENDING"));
    as(ALICE).post("/v1/webhook-subscriptions/{id}/deliveries/{delivery}/replay", subscription, deliveryId).then()
        .statusCode(409).body("code", equalTo("WEBHOOK_DELIVERY_NOT_REPLAYABLE"));
    deliverUntil(() -> !stockOf(receiver, sku).isEmpty());
    assertThat(stockOf(receiver, sku).get(0).id()).isEqualTo(dead.get("webhookId"));
    as(ALICE).post("/v1/webhook-subscriptions/{id}/dead-letters/replay", subscription).then().statusCode(200)
        .body("replayed", equalTo(0));
  }

  @Test
  void aHangingReceiverHoldsUpOnlyItsOwnDeliveries() throws IOException {
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      skus.add(newSku());
      register("seller-a", skus.get(i), warehouse);
    }
    WebhookReceiver hanging = receiver();
    hanging.hang();
    WebhookReceiver healthy = receiver();
    subscribe(hanging, "stock.available_changed");
    subscribe(healthy, "stock.available_changed");
    skus.forEach(each -> receive(ALICE, each, warehouse, 4));

    deliverUntil(() -> skus.stream().allMatch(each -> !stockOf(healthy, each).isEmpty()));
    assertThat(hanging.arrivals()).as("the hanging receiver was asked").isPositive();
    assertThat(hanging.received()).as("and never answered while the other took everything").isEmpty();
    assertThat(dispatcher.busy()).isNotEmpty();
  }

  @Test
  void receiversInPrivateNetworksAndUnknownEventsAreRefusedNamingTheRule() {
    for (Map.Entry<String, String> refused : Map.of(
        "http://10.0.0.5/hooks", "a private network address",
        "http://192.168.1.20/hooks", "a private network address",
        "http://169.254.169.254/latest/meta-data", "a link-local address",
        "http://[::1]:8080/hooks", "a loopback address").entrySet()) {
      as(ALICE).body(Map.of("url", refused.getKey(), "events", List.of("alert.opened")))
          .post("/v1/webhook-subscriptions").then().statusCode(422)
          .body("code", equalTo("WEBHOOK_URL_NOT_ALLOWED"))
          .body("errors[0].field", equalTo("url")).body("errors[0].message", equalTo(refused.getValue()))
          .body("detail", containsString(refused.getValue()));
    }
    as(ALICE).body(Map.of("url", "http://no-such-host.invalid/hooks", "events", List.of("alert.opened")))
        .post("/v1/webhook-subscriptions").then().statusCode(422).body("code", equalTo("WEBHOOK_URL_UNRESOLVABLE"));
    as(ALICE).body(Map.of("url", "ftp://example.com/hooks", "events", List.of("alert.opened")))
        .post("/v1/webhook-subscriptions").then().statusCode(400).body("errors[0].field", equalTo("url"));
    as(ALICE).body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("alert.opened", "stock.teleported")))
        .post("/v1/webhook-subscriptions").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
        .body("errors[0].field", equalTo("events[1]"));
    as(ALICE).body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of()))
        .post("/v1/webhook-subscriptions").then().statusCode(400);
    as(SERVICE).header(SELLER_HEADER, "seller-a").body(Map.of("eventId", "x-1", "type", "alert.opened",
            "occurredAt", "2026-12-01T10:00:00Z", "data", Map.of()))
        .post("/internal/v1/webhook-events").then().statusCode(422)
        .body("code", equalTo("WEBHOOK_EVENT_NOT_REPORTABLE"));
  }

  @Test
  void anotherSellersSubscriptionsAndDeliveriesAreNotFoundAndADeletedSubscriptionSendsNothingMore()
      throws IOException {
    register("seller-a", sku, warehouse);
    WebhookReceiver receiver = receiver();
    String subscription = subscribe(receiver, "stock.available_changed");
    receive(ALICE, sku, warehouse, 2);
    String delivery = (String) log(subscription).get(0).get("id");

    as(BOB).get("/v1/webhook-subscriptions/{id}", subscription).then().statusCode(404);
    as(BOB).get("/v1/webhook-subscriptions/{id}/deliveries", subscription).then().statusCode(404);
    as(BOB).get("/v1/webhook-subscriptions/{id}/deliveries/{d}", subscription, delivery).then().statusCode(404);
    as(BOB).delete("/v1/webhook-subscriptions/{id}", subscription).then().statusCode(404);
    as(BOB).get("/v1/webhook-subscriptions").then().statusCode(200).body("items.id", org.hamcrest.Matchers
        .not(org.hamcrest.Matchers.hasItem(subscription)));
    as(ALICE).get("/v1/webhook-subscriptions").then().statusCode(200)
        .body("items.id", org.hamcrest.Matchers.hasItem(subscription));

    as(ALICE).delete("/v1/webhook-subscriptions/{id}", subscription).then().statusCode(204);
    as(ALICE).get("/v1/webhook-subscriptions/{id}", subscription).then().statusCode(404);
    as(ALICE).get("/v1/webhook-subscriptions/{id}/deliveries", subscription).then().statusCode(404);
    run(dispatcher::round);
    receive(ALICE, sku, warehouse, 2);
    run(dispatcher::round);
    assertThat(receiver.arrivals()).as("nothing sent after the subscription was deleted").isZero();
  }

  @Test
  void expiredReservationsCalibrationsAndListingStatusesReachThoseWhoAskedForThem_WH4() throws IOException {
    register("seller-a", sku, warehouse);
    WebhookReceiver receiver = receiver();
    subscribe(receiver, "reservation.expired", "calibration.opened", "listing.status_changed");
    receive(ALICE, sku, warehouse, 5);
    String reservation = as(ALICE).body("{\"orderId\": \"exp-" + sku + "\", \"ttlSeconds\": 1, \"lines\": [{"
            + "\"sellerSku\": \"" + sku + "\", \"quantity\": 2, \"warehouseId\": \"" + warehouse + "\"}]}")
        .post("/v1/reservations").then().statusCode(201).extract().path("id");
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
      run(expiry::expireDue);
      return "EXPIRED".equals(as(ALICE).get("/v1/reservations/{id}", reservation).then().extract().path("status"));
    });
    for (long sellable : new long[] {100, 80}) {
      as(SERVICE).header(SELLER_HEADER, "seller-a").body("""
              {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "%s", "kind": "SNAPSHOT",
               "snapshot": {"inTransit": 0, "qc": 0, "frozen": 0, "sellable": %d}}""".formatted(UUID.randomUUID(),
              warehouse, sku, java.time.Instant.now().plusSeconds(200 - sellable), sellable))
          .post("/internal/v1/warehouse-events").then().statusCode(200);
    }
    String listingEvent = """
        {"eventId": "listing-%s", "type": "listing.status_changed", "occurredAt": "2026-12-01T10:00:00Z",
         "data": {"listingId": "%s", "from": "PUBLISHING", "to": "LIVE"}}""".formatted(sku, sku);
    for (int repeat = 0; repeat < 2; repeat++) {
      as(SERVICE).header(SELLER_HEADER, "seller-a").body(listingEvent).post("/internal/v1/webhook-events").then()
          .statusCode(200).body("subscriptions", equalTo(repeat == 0 ? 1 : 0));
    }

    deliverUntil(() -> !receiver.accepted("reservation.expired").isEmpty()
        && !receiver.accepted("calibration.opened").isEmpty() && !receiver.accepted("listing.status_changed").isEmpty());
    WebhookReceiver.Received expired = receiver.accepted("reservation.expired").get(0);
    assertThat(expired.data().getString("reservationId")).isEqualTo(reservation);
    assertThat(expired.data().getJsonArray("lines").getJsonObject(0).getLong("quantity")).isEqualTo(2);
    WebhookReceiver.Received calibration = receiver.accepted("calibration.opened").get(0);
    assertThat(calibration.data().getString("sellerSku")).isEqualTo(sku);
    assertThat(calibration.data().getLong("unexplained")).isNotZero();
    run(dispatcher::round);
    assertThat(receiver.accepted("listing.status_changed")).hasSize(1);
    assertThat(receiver.accepted("listing.status_changed").get(0).data().getString("to")).isEqualTo("LIVE");
    assertThat(receiver.received()).as("only the types asked for")
        .noneMatch(r -> r.type().startsWith("stock.") || r.type().startsWith("alert."));
  }
}
