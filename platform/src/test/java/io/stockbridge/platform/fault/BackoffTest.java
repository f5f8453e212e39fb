package io.stockbridge.platform.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void theWaitDoublesFromTheFirstUpToTheCap() {
    Backoff backoff = Backoff.doubling(Duration.ofSeconds(1), Duration.ofSeconds(30));
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.after(1_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void noFailureYetWaitsTheFirstStep() {
    assertThat(Backoff.doubling(Duration.ofMillis(20), Duration.ofSeconds(1)).after(0)).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void jitterOnlyEverAddsUpToItsShare() {
    Backoff backoff = Backoff.doubling(Duration.ofMillis(20), Duration.ofMillis(100)).withJitter(0.2);
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.after(1)).isBetween(Duration.ofMillis(20), Duration.ofMillis(24));
      assertThat(backoff.after(2)).isBetween(Duration.ofMillis(40), Duration.ofMillis(48));
      assertThat(backoff.after(3)).isBetween(Duration.ofMillis(80), Duration.ofMillis(96));
      assertThat(backoff.after(40)).isBetween(Duration.ofMillis(100), Duration.ofMillis(120));
    }
  }

  @Test
  void aCapBelowTheFirstStepIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Backoff.doubling(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
