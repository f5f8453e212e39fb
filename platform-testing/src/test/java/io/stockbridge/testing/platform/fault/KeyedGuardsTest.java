package io.stockbridge.testing.platform.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.fault.GuardShape;
import io.stockbridge.platform.fault.KeyedGuards;

/** Issue 13: one seller's failures never open a breaker for the others. */
@QuarkusTest
class KeyedGuardsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A refusal: the other side's answer, not a failure. */
  static final class Refused extends RuntimeException {
    Refused() {
      super("refused");
    }
  }

  private final KeyedGuards<String> guards = KeyedGuards.of(new TypeLiteral<Uni<String>>() {
  }, GuardShape.timeout(Duration.ofSeconds(2)).retried(1, Duration.ofMillis(10), Duration.ZERO)
      .breaker(4, 0.5, Duration.ofSeconds(30)).answeredBy(Refused.class));

  @Test
  void failuresOfOneKeyOpenItsBreakerAndNoOtherKeys() {
    AtomicInteger calls = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> guards.call("seller-a", () -> {
        calls.incrementAndGet();
        return Uni.createFrom().failure(new IllegalStateException("down for seller-a"));
      }).await().atMost(WAIT)).isInstanceOf(IllegalStateException.class);
    }
    // each failure was tried twice, so the breaker saw four failures of four and opened
    assertThat(calls).hasValue(4);
    assertThatThrownBy(() -> guards.call("seller-a", () -> {
      calls.incrementAndGet();
      return Uni.createFrom().item("ok");
    }).await().atMost(WAIT)).isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(calls).as("an open breaker holds the call back").hasValue(4);

    assertThat(guards.call("seller-b", () -> Uni.createFrom().item("ok")).await().atMost(WAIT)).isEqualTo("ok");
  }

  @Test
  void refusalsAreAnswersThatAreNeitherRetriedNorCounted() {
    AtomicInteger calls = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> guards.call("seller-c", () -> {
        calls.incrementAndGet();
        return Uni.createFrom().failure(new Refused());
      }).await().atMost(WAIT)).isInstanceOf(Refused.class);
    }
    assertThat(calls).hasValue(10);
    assertThat(guards.call("seller-c", () -> Uni.createFrom().item("ok")).await().atMost(WAIT)).isEqualTo("ok");
  }

  @Test
  void aSlowCallTimesOut() {
    KeyedGuards<String> quick = KeyedGuards.of(new TypeLiteral<Uni<String>>() {
    }, GuardShape.timeout(Duration.ofMillis(100)));
    assertThatThrownBy(() -> quick.call("seller-d", () -> Uni.createFrom().item("late")
        .onItem().delayIt().by(Duration.ofSeconds(2))).await().atMost(WAIT))
        .isInstanceOf(org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class);
  }
}
