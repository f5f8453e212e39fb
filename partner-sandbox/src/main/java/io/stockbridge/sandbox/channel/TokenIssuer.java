package io.stockbridge.sandbox.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The channel's OAuth 2.0 side (rule CH-1): single-use authorisation codes, access and refresh tokens with absolute
 * expiry times, refresh, and revocation by the seller (then every token of the shop answers 401).
 */
public final class TokenIssuer {
  private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicReference<Duration> accessLifetime = new AtomicReference<>(Duration.ofDays(7));
  private final AtomicReference<Duration> refreshLifetime = new AtomicReference<>(Duration.ofDays(365));

  /** What a code or token grants: a shop, until when. */
  public record Grant(String shopId, Instant expiresAt) {
    boolean validAt(Instant now) {
      return now.isBefore(expiresAt);
    }
  }

  /** The answer of the token endpoints, in the channel's field names (expiry as absolute Unix seconds). */
  public record Tokens(String accessToken, long accessTokenExpireIn, String refreshToken, long refreshTokenExpireIn) {
  }

  public void lifetimes(Duration access, Duration refresh) {
    accessLifetime.set(access);
    refreshLifetime.set(refresh);
  }

  public String issueCode(String shopId) {
    String code = "code-" + UUID.randomUUID();
    codes.put(code, new Grant(shopId, Instant.now().plus(CODE_LIFETIME)));
    return code;
  }

  /** Exchanges a code once; null when it is unknown, used or expired. */
  public Tokens exchange(String code) {
    Grant grant = codes.remove(code);
    return grant == null || !grant.validAt(Instant.now()) ? null : issue(grant.shopId());
  }

  /** A new token pair for a live refresh token; the old access token stays valid until its own expiry. */
  public Tokens refresh(String refreshToken) {
    Grant grant = refreshTokens.remove(refreshToken);
    return grant == null || !grant.validAt(Instant.now()) ? null : issue(grant.shopId());
  }

  /** The shop an access token is valid for now; null when it is unknown, expired or revoked. */
  public String shopOf(String accessToken) {
    Grant grant = accessToken == null ? null : accessTokens.get(accessToken);
    return grant == null || !grant.validAt(Instant.now()) ? null : grant.shopId();
  }

  /** The seller removes the app: every token of the shop stops working at once. */
  public void revoke(String shopId) {
    accessTokens.values().removeIf(grant -> grant.shopId().equals(shopId));
    refreshTokens.values().removeIf(grant -> grant.shopId().equals(shopId));
  }

  /** Lets every access token of a shop expire now (a test of refresh-before-expiry and of a late refresh). */
  public void expireAccessTokens(String shopId) {
    accessTokens.replaceAll((token, grant) -> grant.shopId().equals(shopId)
        ? new Grant(shopId, Instant.now().minusSeconds(1)) : grant);
  }

  private Tokens issue(String shopId) {
    Instant now = Instant.now();
    Grant access = new Grant(shopId, now.plus(accessLifetime.get()));
    Grant refresh = new Grant(shopId, now.plus(refreshLifetime.get()));
    String accessToken = "TTP_" + UUID.randomUUID();
    String refreshToken = "RFT_" + UUID.randomUUID();
    accessTokens.put(accessToken, access);
    refreshTokens.put(refreshToken, refresh);
    return new Tokens(accessToken, access.expiresAt().getEpochSecond(), refreshToken,
        refresh.expiresAt().getEpochSecond());
  }
}
