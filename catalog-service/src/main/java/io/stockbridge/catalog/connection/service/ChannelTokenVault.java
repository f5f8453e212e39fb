package io.stockbridge.catalog.connection.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.catalog.connection.client.ChannelTokens;
import io.stockbridge.catalog.connection.repository.ChannelConnection;
import io.stockbridge.catalog.connection.repository.ChannelConnectionStatus;
import io.stockbridge.platform.secret.SecretCipher;

/**
 * A connection's tokens, sealed at rest (AES-GCM) and opened only for a call to the channel. Each sealed value is
 * bound to its connection and kind, so a sealed token copied to another row or column does not open.
 */
@ApplicationScoped
public class ChannelTokenVault {
  private final SecretCipher cipher;

  public ChannelTokenVault(SecretCipher cipher) {
    this.cipher = cipher;
  }

  /** Stores new tokens and makes the connection active; a first authorisation also records the shop. */
  void store(ChannelConnection connection, ChannelTokens tokens, boolean refreshed, OffsetDateTime now) {
    connection.accessToken = cipher.seal(tokens.accessToken(), context(connection, "access"));
    connection.refreshToken = cipher.seal(tokens.refreshToken(), context(connection, "refresh"));
    connection.accessExpiresAt = tokens.accessExpiresAt();
    connection.refreshExpiresAt = tokens.refreshExpiresAt();
    if (!refreshed) {
      connection.shopId = tokens.shopId();
      connection.shopCipher = tokens.shopCipher();
      connection.shopName = tokens.shopName();
      connection.openId = tokens.openId();
      connection.grantedScopes = tokens.grantedScopes();
      // a new consent starts a new authorisation period
      connection.authorizationExpiresAt = null;
    }
    connection.status = ChannelConnectionStatus.ACTIVE;
    connection.statusReason = null;
    connection.lastRefreshedAt = refreshed ? now : connection.lastRefreshedAt;
    connection.updatedAt = now;
  }

  String accessToken(ChannelConnection connection) {
    return cipher.open(connection.accessToken, context(connection, "access"));
  }

  String refreshToken(ChannelConnection connection) {
    return cipher.open(connection.refreshToken, context(connection, "refresh"));
  }

  /** Binds a sealed token to its connection and kind, so a sealed value cannot be moved to another row. */
  private static String context(ChannelConnection connection, String kind) {
    return "channel-connection:" + connection.id + ":" + kind;
  }
}
