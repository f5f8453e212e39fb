package io.stockbridge.testing.platform.idempotency;

import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class IdempotentWritesTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");

  @Inject
  Pool pool;

  private long parcels(String label) {
    return pool.preparedQuery("select count(*) from parcel where label = $1").execute(Tuple.of(label))
        .await().indefinitely().iterator().next().getLong(0);
  }

  private long events(String label) {
    return pool.preparedQuery("select count(*) from outbox_event where payload like $1")
        .execute(Tuple.of("%\"" + label + "\"%")).await().indefinitely().iterator().next().getLong(0);
  }

  @Test
  void aRepeatedKeyReturnsTheFirstResultAndChangesNothing() {
    String label = "once-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    String body = "{\"label\":\"" + label + "\"}";
    String firstId = as(ALICE).header("Idempotency-Key", key).body(body).post("/v1/parcels").then().statusCode(201)
        .header(IdempotentResult.REPLAYED_HEADER, "false").extract().path("id");
    as(ALICE).header("Idempotency-Key", key).body(body).post("/v1/parcels").then().statusCode(201)
        .header(IdempotentResult.REPLAYED_HEADER, "true").body("id", equalTo(firstId));
    assertThat(parcels(label)).isEqualTo(1);
    assertThat(events(label)).isEqualTo(1);
  }

  @Test
  void theSameKeyForADifferentRequestIsRefused() {
    String key = UUID.randomUUID().toString();
    as(ALICE).header("Idempotency-Key", key).body("{\"label\":\"first\"}").post("/v1/parcels").then().statusCode(201);
    as(ALICE).header("Idempotency-Key", key).body("{\"label\":\"second\"}").post("/v1/parcels").then().statusCode(422)
        .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    assertThat(parcels("second")).isZero();
  }

  @Test
  void keysAreScopedPerSeller() {
    String key = UUID.randomUUID().toString();
    String label = "per-seller-" + UUID.randomUUID();
    String body = "{\"label\":\"" + label + "\"}";
    String a = as(ALICE).header("Idempotency-Key", key).body(body).post("/v1/parcels").then().statusCode(201)
        .extract().path("id");
    String b = as(TestTokens.seller("seller-b", "seller-admin")).header("Idempotency-Key", key).body(body)
        .post("/v1/parcels").then().statusCode(201).extract().path("id");
    assertThat(a).isNotEqualTo(b);
    assertThat(parcels(label)).isEqualTo(2);
  }

  @Test
  void concurrentRepeatsOfOneKeyWriteOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String label = "race-" + UUID.randomUUID();
    String body = "{\"label\":\"" + label + "\"}";
    ExecutorService clients = Executors.newFixedThreadPool(10);
    try {
      List<Callable<Response>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(() -> as(ALICE).header("Idempotency-Key", key).body(body).post("/v1/parcels"));
      }
      Set<String> ids = new HashSet<>();
      for (Future<Response> response : clients.invokeAll(calls)) {
        assertThat(response.get().statusCode()).isEqualTo(201);
        ids.add(response.get().path("id"));
      }
      assertThat(ids).hasSize(1);
    } finally {
      clients.shutdownNow();
    }
    assertThat(parcels(label)).isEqualTo(1);
    assertThat(events(label)).isEqualTo(1);
  }

  @Test
  void aMalformedKeyIsRefused() {
    as(ALICE).header("Idempotency-Key", "has spaces in it").body("{\"label\":\"x\"}").post("/v1/parcels")
        .then().statusCode(400).body("code", equalTo("INVALID_IDEMPOTENCY_KEY"))
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }
}
