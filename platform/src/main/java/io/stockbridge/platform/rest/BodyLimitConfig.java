package io.stockbridge.platform.rest;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * Request body limits per route, enforced from the request's headers before any of the body is read.
 */
@ConfigMapping(prefix = "stockbridge.http")
public interface BodyLimitConfig {
  /**
   * The largest body, in bytes, per path pattern ({@code /webhooks/}, {@code /v1/warehouses/{@literal *}/imports}: a
   * {@code *} stands for one path segment, and the pattern matches the paths it begins); unlisted paths have only
   * the server-wide limit.
   */
  Map<String, Long> bodyLimits();

  /** The problem code a route answers when its limit is passed, where it is not {@code PAYLOAD_TOO_LARGE}. */
  Map<String, String> bodyLimitCodes();
}
