package io.stockbridge.testing;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed access tokens for tests, signed with the key whose public half the OIDC test server publishes, so
 * the services validate them exactly as they validate Keycloak's.
 */
public final class TestTokens {
  /** The issuer the OIDC test server announces in its discovery document. */
  public static final String ISSUER = "https://server.example.com";
  /** The claim that names the seller, as the demo realm sets it. */
  public static final String SELLER_CLAIM = "seller_id";

  private TestTokens() {
  }

  /** A token of a seller's user or ERP client with the given roles. */
  public static String seller(String sellerId, String... roles) {
    return sign(builder("user-of-" + sellerId, roles).claim(SELLER_CLAIM, sellerId));
  }

  /** An ERP or WMS integration's client-credentials token: role erp-integration, its client id in {@code azp}. */
  public static String integration(String sellerId, String clientId) {
    return sign(builder("service-account-" + clientId, "erp-integration").claim(SELLER_CLAIM, sellerId)
        .claim("azp", clientId));
  }

  /** A token that belongs to no seller (reviewer, platform admin). */
  public static String staff(String user, String... roles) {
    return sign(builder(user, roles));
  }

  /** A Stockbridge service account's client-credentials token. */
  public static String service(String clientId) {
    return sign(builder("service-account-" + clientId, "service").claim("azp", clientId));
  }

  /** An ID token for a user signed in to the OIDC client {@code clientId} (its audience), as a code flow issues. */
  public static String idToken(String user, String clientId) {
    return Jwt.preferredUserName(user).subject(user).issuer(ISSUER).audience(clientId)
        .expiresIn(Duration.ofMinutes(30)).jws().keyId("1").sign("privateKey.jwk");
  }

  private static JwtClaimsBuilder builder(String user, String... roles) {
    return Jwt.preferredUserName(user)
        .subject(user)
        .groups(Set.of(roles))
        .issuer(ISSUER)
        .audience("https://service.example.com")
        .expiresIn(Duration.ofMinutes(30));
  }

  private static String sign(JwtClaimsBuilder builder) {
    return builder.jws().keyId("1").sign("privateKey.jwk");
  }
}
