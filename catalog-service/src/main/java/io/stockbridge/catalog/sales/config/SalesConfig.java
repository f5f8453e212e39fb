package io.stockbridge.catalog.sales.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;

/**
 * How shipped channel orders become monthly sales in USD for the tax id rule (CMP-4).
 */
@ConfigMapping(prefix = "stockbridge.catalog.sales")
public interface SalesConfig {
  /** USD per unit of each order currency (e.g. THB=0.029); an order in a currency not listed is not counted. */
  Map<String, BigDecimal> usdRates();

  /** The markets whose monthly sales compliance-service is told of (the ones its rules know). */
  Set<String> reportedMarkets();
}
