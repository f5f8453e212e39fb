package io.stockbridge.inventory.calibration.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.inventory.calibration.config.CalibrationConfig;
import io.stockbridge.inventory.calibration.config.CalibrationConfig.SellerThresholds;

/**
 * Whether a reading's unexplained difference is a calibration difference (rule WH-4: more than 5 units or more than
 * 3 % of the stock) or a sync adjustment the ledger simply books.
 */
@ApplicationScoped
public class CalibrationThreshold {
  private final CalibrationConfig config;

  public CalibrationThreshold(CalibrationConfig config) {
    this.config = config;
  }

  /**
   * @param unexplained on-hand units no known movement explains, either sign
   * @param expectedOnHand what the ledger expected on hand; the percentage applies to it
   */
  public boolean exceeded(String sellerId, long unexplained, long expectedOnHand) {
    SellerThresholds own = config.sellers().get(sellerId);
    long units = own == null ? config.differenceUnits() : own.differenceUnits().orElse(config.differenceUnits());
    double percent = own == null ? config.differencePercent()
        : own.differencePercent().orElse(config.differencePercent());
    long difference = Math.abs(unexplained);
    return difference > units || (expectedOnHand > 0 && difference * 100.0 > percent * expectedOnHand);
  }
}
