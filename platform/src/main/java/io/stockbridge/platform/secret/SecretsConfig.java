package io.stockbridge.platform.secret;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Keys that encrypt secrets at rest (channel tokens, WMS credentials, webhook secrets).
 */
@ConfigMapping(prefix = "stockbridge.secrets")
public interface SecretsConfig {
  /** The id of the key new secrets are encrypted with; older keys stay listed so that their secrets still open. */
  @WithDefault("primary")
  String activeKey();

  /** AES keys by id, each the base64 of 32 random bytes (from a Kubernetes Secret in production). */
  Map<String, String> keys();
}
