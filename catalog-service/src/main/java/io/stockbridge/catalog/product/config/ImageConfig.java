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

  /**
   * The most pixels one decode holds in memory: larger images are decoded subsampled (only the dimensions, read
   * from the header, and the share of white in the border are needed), so a decode costs at most 4 bytes a pixel.
   */
  @WithDefault("2000000")
  long decodePixels();

  /** The share of the heap that decodes running at once may hold; beyond it a decode waits its turn. */
  @WithDefault("0.25")
  double decodeHeapShare();

  /** How long an upload waits for its turn to decode before it is answered 503 with Retry-After. */
  @WithDefault("10s")
  java.time.Duration decodeWait();

  /** A pixel is white when each of red, green and blue is at least this (0..255). */
  @WithDefault("240")
  int whiteLevel();

  /** The width of the frame measured for the background, as a share of the shorter side. */
  @WithDefault("0.02")
  double borderFraction();
}
