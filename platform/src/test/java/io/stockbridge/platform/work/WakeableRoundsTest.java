package io.stockbridge.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Rounds on a real Vert.x: work committed just after the last busy round looked, by a writer that did not notify
 * because rounds were busy, is found by the trailing round rather than left for the schedule.
 */
class WakeableRoundsTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void workCommittedAsABusySeriesEndsIsFoundByTheTrailingRound() throws Exception {
    var queue = new ConcurrentLinkedQueue<>(List.of("first"));
    var rounds = new AtomicInteger();
    var lateOneTaken = new CountDownLatch(1);
    var wakeable = new WakeableRounds(vertx, "test", () -> {
      int round = rounds.incrementAndGet();
      String taken = queue.poll();
      if (round == 2) {
        queue.add("late"); // committed just after this round looked, and not announced
      }
      if ("late".equals(taken)) {
        lateOneTaken.countDown();
      }
      return Uni.createFrom().item(taken != null);
    }, Duration.ZERO, Duration.ofMillis(50));

    wakeable.wake();

    assertThat(lateOneTaken.await(5, TimeUnit.SECONDS)).as("the trailing round took the late work").isTrue();
    // first (found), empty (the late one lands), trailing (found late), empty, trailing (empty): then it rests
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (rounds.get() < 5 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(rounds.get()).isEqualTo(5);
  }

  @Test
  void withoutATrailingRoundLateWorkWaitsForTheNextWakeUp() throws Exception {
    var queue = new ConcurrentLinkedQueue<>(List.of("first"));
    var rounds = new AtomicInteger();
    var idle = new CountDownLatch(1);
    var wakeable = new WakeableRounds(vertx, "test", () -> {
      int round = rounds.incrementAndGet();
      String taken = queue.poll();
      if (round == 2) {
        queue.add("late");
        idle.countDown();
      }
      return Uni.createFrom().item(taken != null);
    }, Duration.ZERO, Duration.ZERO);

    wakeable.wake();

    assertThat(idle.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(queue).containsExactly("late");
    wakeable.wake();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!queue.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(queue).as("the next wake-up took it").isEmpty();
  }
}
