package io.stockbridge.testing.platform.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.vertx.VertxContextSupport;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxDispatcher;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.ServiceAccountStub;
import io.stockbridge.testing.TestTokens;
import io.stockbridge.testing.platform.fixture.DeadLetterLog;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class OutboxDispatcherTest {
  private static final String PATH = "/internal/v1/parcels";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SELLER_A = TestTokens.seller("seller-a", "seller-admin");
  private static final String SELLER_B = TestTokens.seller("seller-b", "seller-admin");

  @InjectDestination
  WireMockServer receiver;

  @OidcWireMock
  WireMockServer oidc;

  @Inject
  OutboxDispatcher dispatcher;

  @Inject
  Pool pool;

  @Inject
  Outbox outbox;

  @Inject
  DeadLetterLog deadLetters;

  /** The OIDC client caches its token for its lifetime, so every test of this JVM sees the first one handed out. */
  private static String serviceToken;

  @BeforeEach
  void reset() {
    receiver.resetAll();
    if (serviceToken == null) {
      serviceToken = ServiceAccountStub.install(oidc, "platform-test");
    }
    // events of earlier tests must not leak into this one's counts
    pool.query("update outbox_event set status = 'DELIVERED' where status = 'PENDING'").execute().await().indefinitely();
  }

  @Test
  void anEventSurvivesTwoFailuresAndArrivesExactlyOnceWithAServiceToken() {
    receiver.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
    receiver.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("failed once")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
    receiver.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("failed twice")
        .willReturn(aResponse().withStatus(200)).willSetStateTo("recovered"));

    String parcelId = as(TestTokens.seller("seller-a", "seller-admin")).body("{\"label\":\"box\"}")
        .post("/v1/parcels").then().statusCode(201).extract().path("id");

    int delivered = 0;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (delivered == 0 && System.nanoTime() < deadline) {
      delivered = dispatcher.dispatch("replica-a").await().atMost(WAIT);
    }
    assertThat(delivered).isEqualTo(1);
    // nothing is left to send: further rounds deliver nothing more
    assertThat(dispatcher.dispatch("replica-a").await().atMost(WAIT)).isZero();

    List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(requests).hasSize(3);
    assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(requests.get(0).getHeader("Idempotency-Key"));
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + serviceToken);
      assertThat(r.getHeader("Stockbridge-Seller-Id")).isEqualTo("seller-a");
      assertThat(r.getBodyAsString()).contains(parcelId);
    });

    Row row = pool.preparedQuery("select status, attempts from outbox_event where id = $1")
        .execute(Tuple.of(UUID.fromString(requests.get(0).getHeader("Idempotency-Key"))))
        .await().atMost(WAIT).iterator().next();
    assertThat(row.getString("status")).isEqualTo("DELIVERED");
    assertThat(row.getInteger("attempts")).isEqualTo(3);
  }

  @Test
  void twoDispatchersRunningAtOnceNeverSendTheSameEvent() throws Exception {
    receiver.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(5)));
    int events = 300;
    Set<String> written = new HashSet<>();
    for (int i = 0; i < events; i++) {
      UUID id = UUID.randomUUID();
      written.add(id.toString());
      pool.preparedQuery("insert into outbox_event (id, seller_id, destination, path, event_type, payload) "
              + "values ($1, 'seller-a', 'receiver', $2, 'parcel.created', '{}')")
          .execute(Tuple.of(id, PATH)).await().atMost(WAIT);
    }

    ExecutorService replicas = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> rounds = new ArrayList<>();
      for (String replica : List.of("replica-a", "replica-b")) {
        rounds.add(() -> {
          int total = 0;
          int delivered;
          do {
            delivered = dispatcher.dispatch(replica).await().atMost(WAIT);
            total += delivered;
          } while (delivered > 0);
          return total;
        });
      }
      List<Integer> perReplica = new ArrayList<>();
      for (Future<Integer> result : replicas.invokeAll(rounds)) {
        perReplica.add(result.get());
      }
      assertThat(perReplica.get(0) + perReplica.get(1)).isEqualTo(events);
      assertThat(perReplica).allSatisfy(count -> assertThat(count).isPositive());
    } finally {
      replicas.shutdownNow();
    }

    List<String> received = receiver.findAll(postRequestedFor(urlEqualTo(PATH))).stream()
        .map(r -> r.getHeader("Idempotency-Key")).toList();
    assertThat(received).hasSize(events).doesNotHaveDuplicates();
    assertThat(received.stream().collect(Collectors.toSet())).isEqualTo(written);
  }

  @Test
  void anEventTheReceiverRefusesForGoodIsADeadLetterAtOnceWithTheReceiversReason() {
    receiver.stubFor(post(PATH).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":422,\"code\":\"LABEL_FORBIDDEN\",\"detail\":\"labels may not say refused\"}")));
    String parcelId = as(SELLER_A).body("{\"label\":\"refused\"}").post("/v1/parcels")
        .then().statusCode(201).extract().path("id");
    assertThat(dispatcher.dispatch("replica-a").await().atMost(WAIT)).isZero();
    assertThat(dispatcher.dispatch("replica-a").await().atMost(WAIT)).isZero();
    receiver.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Stockbridge-Event-Type", equalTo("parcel.created")));

    String id = deadLetterOf(parcelId);
    as(SELLER_A).get("/v1/dead-letters/" + id).then().statusCode(200)
        .body("status", is("DEAD")).body("receiverStatus", is(422)).body("receiverCode", is("LABEL_FORBIDDEN"))
        .body("reason", is("422 LABEL_FORBIDDEN: labels may not say refused")).body("eventType", is("parcel.created"));
    await().atMost(WAIT).until(() -> deadLetters.raised().stream().anyMatch(d -> d.eventId().toString().equals(id)
        && "seller-a".equals(d.sellerId()) && "LABEL_FORBIDDEN".equals(d.code())));
    assertThat(metric("stockbridge_outbox_dead_letters_total")).contains("destination=\"receiver\"");
  }

  @Test
  void notYetIsRetriedUntilTheReceiverKnowsWhatTheEventNames() {
    // "I do not know this SKU yet" twice, then the registration has arrived
    receiver.stubFor(post(PATH).inScenario("not yet").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(notYet()).willSetStateTo("once"));
    receiver.stubFor(post(PATH).inScenario("not yet").whenScenarioStateIs("once")
        .willReturn(notYet()).willSetStateTo("twice"));
    receiver.stubFor(post(PATH).inScenario("not yet").whenScenarioStateIs("twice")
        .willReturn(aResponse().withStatus(200)));
    as(SELLER_A).body("{\"label\":\"early\"}").post("/v1/parcels").then().statusCode(201);

    await().atMost(WAIT).until(() -> dispatcher.dispatch("replica-a").await().atMost(WAIT) == 1);
    receiver.verify(3, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void anEventNotDeliveredWithinItsRetryWindowIsADeadLetterAndAReplayDeliversItOnce() {
    // 429 is retried like a 5xx but, as an answer, never opens the shared breaker the other tests rely on
    receiver.stubFor(post(PATH).willReturn(aResponse().withStatus(429)));
    String parcelId = as(SELLER_A).body("{\"label\":\"stuck\"}").post("/v1/parcels")
        .then().statusCode(201).extract().path("id");
    // the test profile's window is 3 s: retried until then, a dead letter after
    await().atMost(WAIT).until(() -> {
      dispatcher.dispatch("replica-a").await().atMost(WAIT);
      return deadLetterOfOrNull(parcelId) != null;
    });
    String id = deadLetterOf(parcelId);
    as(SELLER_A).get("/v1/dead-letters/" + id).then().statusCode(200)
        .body("reason", startsWith("not delivered within PT3S")).body("reason", containsString("last answer: 429"))
        .body("receiverStatus", is(429));
    int attemptsBefore = receiver.findAll(postRequestedFor(urlEqualTo(PATH))).size();
    assertThat(attemptsBefore).isGreaterThan(1);

    // another seller neither sees nor replays it
    as(SELLER_B).get("/v1/dead-letters/" + id).then().statusCode(404);
    as(SELLER_B).post("/v1/dead-letters/" + id + "/replay").then().statusCode(404);
    as(SELLER_B).get("/v1/dead-letters").then().statusCode(200).body("items.id", not(hasItem(id)));

    receiver.resetAll();
    receiver.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));
    as(SELLER_A).post("/v1/dead-letters/" + id + "/replay").then().statusCode(200)
        .body("status", is("PENDING")).body("replays", is(1));
    as(SELLER_A).post("/v1/dead-letters/" + id + "/replay").then().statusCode(409)
        .body("code", is("NOT_A_DEAD_LETTER"));
    await().atMost(WAIT).until(() -> dispatcher.dispatch("replica-a").await().atMost(WAIT) == 0
        && !receiver.findAll(postRequestedFor(urlEqualTo(PATH))).isEmpty());
    List<LoggedRequest> replayed = receiver.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(replayed).hasSize(1);
    assertThat(replayed.get(0).getHeader("Idempotency-Key")).isEqualTo(id);
    as(SELLER_A).get("/v1/dead-letters/" + id).then().statusCode(200).body("status", is("DELIVERED"));
    as(SELLER_A).get("/v1/dead-letters").then().statusCode(200).body("items.id", not(hasItem(id)));
  }

  @Test
  void eventsOfOneSequenceReachTheReceiverOneAtATimeInTheOrderWritten() throws Throwable {
    // the first transition fails once; the second must not overtake it
    receiver.stubFor(post(PATH).withRequestBody(containing("\"placed\"")).inScenario("first").whenScenarioStateIs(
        Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
    receiver.stubFor(post(PATH).withRequestBody(containing("\"placed\"")).inScenario("first")
        .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(200)));
    receiver.stubFor(post(PATH).withRequestBody(containing("\"shipped\"")).willReturn(aResponse().withStatus(200)));
    String order = "order-" + UUID.randomUUID();
    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue(OutboxMessage.inSequence(
            "receiver", PATH, "order.placed", "seller-a", java.util.Map.of("state", "placed"), order))
        .chain(() -> outbox.enqueue(OutboxMessage.inSequence("receiver", PATH, "order.shipped", "seller-a",
            java.util.Map.of("state", "shipped"), order)))));

    await().atMost(WAIT).until(() -> {
      dispatcher.dispatch("replica-a").await().atMost(WAIT);
      return receiver.findAll(postRequestedFor(urlEqualTo(PATH))).size() >= 3;
    });
    assertThat(receiver.findAll(postRequestedFor(urlEqualTo(PATH))))
        .extracting(r -> r.getHeader("Stockbridge-Event-Type"))
        .containsExactly("order.placed", "order.placed", "order.shipped");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder notYet() {
    return aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":422,\"code\":\"UNKNOWN_SKU\",\"retryable\":true}");
  }

  private String deadLetterOfOrNull(String parcelId) {
    var rows = pool.preparedQuery("select id from outbox_event where status = 'DEAD' and payload like $1")
        .execute(Tuple.of("%" + parcelId + "%")).await().atMost(WAIT);
    return rows.size() == 0 ? null : rows.iterator().next().getUUID(0).toString();
  }

  private String deadLetterOf(String parcelId) {
    String id = deadLetterOfOrNull(parcelId);
    assertThat(id).as("dead letter of parcel " + parcelId).isNotNull();
    // the seller's list shows it
    as(SELLER_A).get("/v1/dead-letters?destination=receiver&limit=200").then().statusCode(200)
        .body("items.id", hasItem(id));
    return id;
  }

  private static String metric(String name) {
    return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
        .filter(line -> line.startsWith(name)).collect(Collectors.joining("\n"));
  }

  @Test
  void aSellersBacklogHoldsOnlyItsShareOfARoundAndAnotherSellersEventGoesInTheFirst() throws Throwable {
    receiver.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));
    // seller-a has 500 events waiting, all older than seller-b's one
    pool.preparedQuery("insert into outbox_event (id, seller_id, destination, path, event_type, payload, created_at, "
            + "available_at) select gen_random_uuid(), 'seller-a', 'receiver', $1, 'parcel.created', '{}', "
            + "$2::timestamptz + n * interval '1 millisecond', $2 from generate_series(1, 500) as n")
        .execute(Tuple.of(PATH, OffsetDateTime.now().minusMinutes(5))).await().indefinitely();
    UUID other = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue(
        new OutboxMessage("receiver", PATH, "parcel.created", "seller-b", java.util.Map.of("label", "mine")))));

    int delivered = dispatcher.dispatch("replica-a").await().atMost(WAIT);
    List<LoggedRequest> first = receiver.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(delivered).isEqualTo(first.size()).isLessThan(501);
    assertThat(first).extracting(r -> r.getHeader("Idempotency-Key")).contains(other.toString());
  }

  /**
   * Issue 13: one seller's failures never open a breaker for the others. The receiver fails every delivery of one
   * seller's events (a 500 for each); that seller's breaker opens and holds its events back, while another seller's
   * event to the same receiver is delivered in the next round.
   */
  @Test
  void aSellerWhoseDeliveriesKeepFailingOpensOnlyItsOwnBreaker() throws Throwable {
    String failing = "seller-" + UUID.randomUUID();
    receiver.stubFor(post(PATH).atPriority(1).withHeader("Stockbridge-Seller-Id", equalTo(failing))
        .willReturn(aResponse().withStatus(500)));
    receiver.stubFor(post(PATH).atPriority(5).willReturn(aResponse().withStatus(200)));
    pool.preparedQuery("insert into outbox_event (id, seller_id, destination, path, event_type, payload) "
            + "select gen_random_uuid(), $2, 'receiver', $1, 'parcel.created', '{}' from generate_series(1, 40)")
        .execute(Tuple.of(PATH, failing)).await().indefinitely();

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (heldBack(failing) == 0 && System.nanoTime() < deadline) {
      dispatcher.dispatch("replica-a").await().atMost(WAIT);
    }
    assertThat(heldBack(failing)).as("the failing seller's breaker opened").isPositive();
    int failedRequests = receiver.findAll(postRequestedFor(urlEqualTo(PATH))
        .withHeader("Stockbridge-Seller-Id", equalTo(failing))).size();

    UUID other = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue(
        new OutboxMessage("receiver", PATH, "parcel.created", "seller-b", java.util.Map.of("label", "mine")))));
    dispatcher.dispatch("replica-a").await().atMost(WAIT);

    assertThat(pool.preparedQuery("select status from outbox_event where id = $1").execute(Tuple.of(other))
        .await().atMost(WAIT).iterator().next().getString("status")).isEqualTo("DELIVERED");
    // and the open breaker really holds the failing seller back: that round sent none of its events
    assertThat(receiver.findAll(postRequestedFor(urlEqualTo(PATH)).withHeader("Stockbridge-Seller-Id",
        equalTo(failing)))).hasSize(failedRequests);
  }

  /** How many of the seller's events the last round held back behind an open breaker. */
  private long heldBack(String sellerId) {
    return pool.preparedQuery("select count(*) from outbox_event where seller_id = $1 and status = 'PENDING' "
            + "and last_error like '%circuit breaker is open%'")
        .execute(Tuple.of(sellerId)).await().atMost(WAIT).iterator().next().getLong(0);
  }

  @Test
  void finishedEventsPastTheRetentionArePurgedInBatchesAndPendingOnesNeverAre() throws Throwable {
    String run = UUID.randomUUID().toString();
    // more finished events than one purge statement takes (5,000): the purge goes on until none is left
    pool.preparedQuery("insert into outbox_event (id, destination, path, event_type, payload, status, created_at) "
            + "select gen_random_uuid(), 'test-destination', $1, 'parcel.sent', '{}', "
            + "(array['DELIVERED', 'SUPERSEDED'])[1 + n % 2], $2 from generate_series(1, 5300) as n")
        .execute(Tuple.of("/purge/" + run + "/old", OffsetDateTime.now().minusDays(8)))
        .await().indefinitely();
    pool.preparedQuery("insert into outbox_event (id, destination, path, event_type, payload, status, created_at) "
            + "values (gen_random_uuid(), 'test-destination', $1, 'parcel.sent', '{}', 'PENDING', $2), "
            + "(gen_random_uuid(), 'test-destination', $3, 'parcel.sent', '{}', 'DELIVERED', $4), "
            + "(gen_random_uuid(), 'test-destination', $5, 'parcel.sent', '{}', 'DEAD', $2)")
        .execute(Tuple.of("/purge/" + run + "/old-pending",
            OffsetDateTime.now().minusDays(30), "/purge/" + run + "/recent",
            OffsetDateTime.now().minusDays(6), "/purge/" + run + "/old-dead"))
        .await().indefinitely();

    long purged = VertxContextSupport.subscribeAndAwait(() -> dispatcher.purgeFinished());

    assertThat(purged).isGreaterThanOrEqualTo(5300);
    List<String> left = new ArrayList<>();
    pool.preparedQuery("select path from outbox_event where path like $1 order by path")
        .execute(Tuple.of("/purge/" + run + "/%")).await().indefinitely()
        .forEach(row -> left.add(row.getString(0)));
    // a dead letter waits for the seller's decision, however old
    assertThat(left).containsExactly("/purge/" + run + "/old-dead", "/purge/" + run + "/old-pending",
        "/purge/" + run + "/recent");
  }
}
