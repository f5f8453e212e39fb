package io.stockbridge.compliance.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.stockbridge.compliance.market.Market;

/**
 * The thresholds of the compliance rules (rules CMP-*, docs/RULES.md) and the document store's limits.
 */
@ConfigMapping(prefix = "stockbridge.compliance")
public interface ComplianceConfig {
  /** Uploaded compliance documents. */
  Documents documents();

  /** The tax id rule (CMP-4). */
  Tin tin();

  interface Documents {
    /** The largest document file accepted; a larger upload answers 413 and nothing is stored. */
    @WithDefault("10485760")
    long maxFileBytes();

    /** A verified document expiring within this many days is a warning on every check and on the dashboard. */
    @WithDefault("30")
    int expiryWarningDays();

    /** How often documents whose expiry date has come are marked expired (reads apply the date anyway). */
    @WithDefault("1h")
    Duration expirySweepInterval();

    /** The most documents one expiry sweep marks in one transaction; the next sweep takes the rest. */
    @WithDefault("500")
    int expirySweepBatch();
  }

  interface Tin {
    /** Markets where a tax id becomes required once monthly sales pass the threshold (CMP-4). */
    @WithDefault("TH,VN")
    Set<Market> markets();

    /** Monthly sales in a market, in USD, above which the seller needs a verified TIN there (CMP-4). */
    @WithDefault("1000")
    BigDecimal monthlySalesThresholdUsd();
  }
}
