package io.stockbridge.inventory.reservation;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.inventory.LedgerInvariant;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rule RES-1 under real concurrency: every request is in flight at once, over HTTP, against one PostgreSQL.
 */
@QuarkusTest
class ConcurrentReservationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/v1/reservations")
  URL reservationsUrl;

  @Inject
  Pool pool;

  private record Answer(int status, JsonNode body, String request) {
  }

  private List<Answer> fireAllAtOnce(List<String> bodies) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(16)).connectTimeout(Duration.ofSeconds(30)).build();
    List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
    for (String body : bodies) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(reservationsUrl.toString()))
          .timeout(Duration.ofSeconds(120))
          .header("Authorization", "Bearer " + ALICE).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .thenApply(response -> new Answer(response.statusCode(), parse(response.body()), body)));
    }
    return inFlight.stream().map(CompletableFuture::join).toList();
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException("Not JSON: " + body, e);
    }
  }

  @Test
  void fiveHundredOrdersForOneSkuWithAHundredUnitsReserveExactlyAHundred_RES1() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 100);

    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      orders.add("{\"orderId\": \"hot-" + sku + "-" + i + "\", \"lines\": [{\"sellerSku\": \"" + sku + "\", \"quantity\": 1}]}");
    }
    List<Answer> answers = fireAllAtOnce(orders);

    Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
    assertThat(byStatus).containsOnlyKeys(201, 409);
    assertThat(byStatus.get(201)).isEqualTo(100);
    assertThat(byStatus.get(409)).isEqualTo(400);
    assertThat(answers.stream().filter(a -> a.status() == 409))
        .allSatisfy(a -> assertThat(a.body().path("code").asText()).isEqualTo("INSUFFICIENT_STOCK"));
    var levels = levels(ALICE, sku, warehouse);
    assertThat(levels.getLong("reserved")).isEqualTo(100);
    assertThat(levels.getLong("sellable")).isEqualTo(100);
    assertThat(levels.getLong("available")).isZero();
    // group commit: the hot row was changed once per round, far fewer times than 100 accepted orders (1 = receipt)
    assertThat(levels.getLong("version") - 1).as("rounds that changed the hot balance").isLessThanOrEqualTo(50);
    assertThat(LedgerInvariant.mismatches(pool)).isZero();
  }

  @Test
  void oneOrderSentTwentyTimesAtOnceReservesOnceAndEveryAnswerNamesIt_RES1() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    String order = "{\"orderId\": \"dup-" + sku + "\", \"lines\": [{\"sellerSku\": \"" + sku + "\", \"quantity\": 2}]}";
    List<Answer> answers = fireAllAtOnce(Collections.nCopies(20, order));
    assertThat(answers).extracting(Answer::status).containsOnly(201);
    assertThat(answers).extracting(a -> a.body().path("id").asText()).containsOnly(answers.get(0).body().path("id").asText());
    assertThat(levels(ALICE, sku, warehouse).getLong("reserved")).isEqualTo(2);
  }

  @Test
  void twoHundredMultiLineOrdersOverOverlappingSkusHoldAllOrNoneWithoutDeadlocks_RES1() {
    String warehouse = newWarehouse();
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String sku = newSku();
      skus.add(sku);
      register("seller-a", sku, warehouse);
      receive(ALICE, sku, warehouse, 60);
    }
    Random random = new Random(42);
    List<String> orders = new ArrayList<>();
    String run = newSku();
    for (int i = 0; i < 200; i++) {
      List<String> chosen = new ArrayList<>(skus);
      Collections.shuffle(chosen, random);
      int lineCount = 2 + random.nextInt(3);
      List<String> lines = new ArrayList<>();
      for (String sku : chosen.subList(0, lineCount)) {
        lines.add("{\"sellerSku\": \"" + sku + "\", \"quantity\": " + (1 + random.nextInt(3)) + "}");
      }
      orders.add("{\"orderId\": \"multi-" + run + "-" + i + "\", \"lines\": [" + String.join(",", lines) + "]}");
    }
    List<Answer> answers = fireAllAtOnce(orders);

    assertThat(answers).extracting(Answer::status).containsOnly(201, 409);
    assertThat(answers).extracting(Answer::status).contains(201, 409);
    Map<String, Long> reservedBySku = new HashMap<>();
    for (Answer answer : answers.stream().filter(a -> a.status() == 201).toList()) {
      int requestedLines = parse(answer.request()).path("lines").size();
      assertThat(answer.body().path("lines").size()).as("every line reserved").isEqualTo(requestedLines);
      answer.body().path("lines").forEach(line ->
          reservedBySku.merge(line.path("sellerSku").asText(), line.path("quantity").asLong(), Long::sum));
    }
    for (String sku : skus) {
      var levels = levels(ALICE, sku, warehouse);
      assertThat(levels.getLong("reserved")).as(sku).isEqualTo(reservedBySku.getOrDefault(sku, 0L));
      assertThat(levels.getLong("sellable")).as(sku).isEqualTo(60);
    }
    long refusedButStored = answers.stream().filter(a -> a.status() == 409)
        .mapToLong(a -> pool.preparedQuery("select count(*) from reservation where order_id = $1")
            .execute(Tuple.of(parse(a.request()).path("orderId").asText())).await().indefinitely()
            .iterator().next().getLong(0))
        .sum();
    assertThat(refusedButStored).as("a refused order leaves nothing behind").isZero();
    assertThat(LedgerInvariant.mismatches(pool)).isZero();
  }
}
