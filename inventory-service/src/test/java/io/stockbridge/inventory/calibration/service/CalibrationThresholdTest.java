package io.stockbridge.inventory.calibration.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.stockbridge.inventory.calibration.config.CalibrationConfig;

/** Rule WH-4's threshold: more than 5 units, or more than 3 % of the expected on-hand stock, either sign. */
class CalibrationThresholdTest {
  private static CalibrationConfig config(Map<String, CalibrationConfig.SellerThresholds> sellers) {
    return new CalibrationConfig() {
      @Override
      public long differenceUnits() {
        return 5;
      }

      @Override
      public double differencePercent() {
        return 3;
      }

      @Override
      public Duration dueAfter() {
        return Duration.ofHours(2);
      }

      @Override
      public Duration escalationInterval() {
        return Duration.ofMinutes(1);
      }

      @Override
      public int escalationBatch() {
        return 100;
      }

      @Override
      public Map<String, SellerThresholds> sellers() {
        return sellers;
      }
    };
  }

  private final CalibrationThreshold threshold = new CalibrationThreshold(config(Map.of("big-seller",
      new CalibrationConfig.SellerThresholds() {
        @Override
        public Optional<Long> differenceUnits() {
          return Optional.of(50L);
        }

        @Override
        public Optional<Double> differencePercent() {
          return Optional.empty();
        }
      })));

  @Test
  void moreThanFiveUnitsOfALargeStockIsACalibrationDifference_WH4() {
    assertThat(threshold.exceeded("s", -6, 10_000)).isTrue();
    assertThat(threshold.exceeded("s", 6, 10_000)).isTrue();
    assertThat(threshold.exceeded("s", -5, 10_000)).isFalse();
  }

  @Test
  void moreThanThreePercentOfASmallStockIsOneToo_WH4() {
    assertThat(threshold.exceeded("s", 2, 40)).as("5 %").isTrue();
    assertThat(threshold.exceeded("s", 3, 100)).as("exactly 3 %").isFalse();
    assertThat(threshold.exceeded("s", 4, 100)).isTrue();
  }

  @Test
  void withNothingExpectedOnHandOnlyTheUnitThresholdApplies_WH4() {
    assertThat(threshold.exceeded("s", 5, 0)).isFalse();
    assertThat(threshold.exceeded("s", 6, 0)).isTrue();
  }

  @Test
  void aSellersOwnThresholdReplacesTheDefaultItNamesAndKeepsTheOther_WH4() {
    assertThat(threshold.exceeded("big-seller", 40, 100_000)).isFalse();
    assertThat(threshold.exceeded("big-seller", 51, 100_000)).isTrue();
    assertThat(threshold.exceeded("big-seller", 40, 1_000)).as("3 % of 1000 is 30").isTrue();
  }
}
