package io.stockbridge.inventory.count.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How counts are planned (rule CNT-1): velocity classes from recent shipments and how often each class is counted.
 */
@ConfigMapping(prefix = "stockbridge.inventory.counts")
public interface CountConfig {
  /** How far back shipments decide a SKU's velocity class. */
  @WithDefault("30d")
  Duration velocityWindow();

  /** The fastest SKUs making up this percentage of the shipped units are class A. */
  @WithDefault("80")
  double aShare();

  /** The SKUs after them up to this cumulative percentage are class B; the rest (and SKUs that did not ship) C. */
  @WithDefault("95")
  double bShare();

  /** How often a class A SKU is counted. */
  @WithDefault("7d")
  Duration aEvery();

  /** How often a class B SKU is counted. */
  @WithDefault("30d")
  Duration bEvery();

  /** How often a class C SKU is counted. */
  @WithDefault("90d")
  Duration cEvery();

  /** How often a cycle plan produces its slice of SKUs to count. */
  @WithDefault("1d")
  Duration cycleEvery();

  /** How long before a campaign starts its SKUs are counted. */
  @WithDefault("1d")
  Duration campaignLead();

  /** How often due plans are looked for. */
  @WithDefault("1m")
  Duration generationInterval();

  /** How long a replica holds a plan while it produces its count. */
  @WithDefault("5m")
  Duration generationLease();

  /** How many due plans one round takes. */
  @WithDefault("20")
  int generationBatch();

  /** Whether a count's warehouse is asked to count (through warehouse-gateway, for WMSs that take count requests). */
  @WithDefault("true")
  boolean requestFromWarehouses();
}
