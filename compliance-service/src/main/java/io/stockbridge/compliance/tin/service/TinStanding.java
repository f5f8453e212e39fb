package io.stockbridge.compliance.tin.service;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Whether a seller needs a tax id in a market (rule CMP-4).
 *
 * @param required        true once a month's sales there passed the threshold
 * @param firstMonthAbove the first such month; null when none
 * @param amountUsd       that month's sales; null when none
 */
public record TinStanding(boolean required, YearMonth firstMonthAbove, BigDecimal amountUsd) {
  public static final TinStanding NOT_REQUIRED = new TinStanding(false, null, null);
}
