package io.stockbridge.catalog.product.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Product images: what an upload may be, and how their backgrounds are measured (LST-3).
 */
@ConfigMapping(prefix = "stockbridge.catalog.images")
public interface ImageConfig {
  /** The largest image file accepted, in bytes. */
  @WithDefault("5242880")
  int maxBytes();

  /** The most main images one product may have (the channel shows up to 9). */
  @WithDefault("9")
  int maxPerProduct();

  /** The most pixels an image may have; checked from its header before decoding. */
  @WithDefault("25000000")
  long maxPixels();

  /** A pixel is white when each of red, green and blue is at least this (0..255). */
  @WithDefault("240")
  int whiteLevel();

  /** The width of the frame measured for the background, as a share of the shorter side. */
  @WithDefault("0.02")
  double borderFraction();
}
