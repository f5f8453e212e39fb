package io.stockbridge.catalog.connection.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The channel app Stockbridge is registered as, and how its connections are kept alive (rules CH-1..4).
 */
@ConfigMapping(prefix = "stockbridge.catalog.channel")
public interface ChannelConfig {
  /** The app key the channel issued to this installation. */
  Optional<String> appKey();

  /** The app secret (signs requests, verifies webhooks); from a Kubernetes Secret, never a file in the repository. */
  Optional<String> appSecret();

  /** Where the seller consents; the authorisation URL is this with app_key, state and redirect_uri. */
  @WithDefault("https://services.tiktokshop.com/open/authorize")
  String authorizeUrl();

  /** Where the channel sends the seller back, with code and state: this service's callback, as the seller's browser reaches it. */
  @WithDefault("http://localhost:8081/v1/channel-connections/callback")
  String redirectUri();

  /** How long an authorisation may take before its state expires. */
  @WithDefault("10m")
  Duration stateTtl();

  /** An access token is refreshed once it expires within this window. */
  @WithDefault("24h")
  Duration refreshAhead();

  /**
   * How long before the seller's authorisation lapses (the channel's notice, or the refresh token's expiry) the
   * seller is told to authorise again (CH-3).
   */
  @WithDefault("7d")
  Duration expiryWarning();

  /** How often the refresher looks for tokens to refresh. */
  @WithDefault("5m")
  Duration refreshInterval();

  /** How long one replica's claim on a connection's refresh keeps the others off it. */
  @WithDefault("2m")
  Duration refreshLease();

  /**
   * How long a product create may take before this service stops waiting; publication then searches the channel
   * for the product before it creates one again.
   */
  @WithDefault("15s")
  Duration createTimeout();
}
