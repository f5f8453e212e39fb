package io.stockbridge.console.shell;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is signed in, as the layout shows them and the pages decide which actions to offer. Offering is a courtesy:
 * every action is decided again by the service the console calls with the user's token.
 */
public record Viewer(String name, String sellerId, Set<String> roles) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Viewer of(SecurityIdentity identity) {
    String seller = null;
    AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
    if (token != null) {
      seller = claim(token.getToken(), "seller_id");
    }
    return new Viewer(identity.getPrincipal().getName(), seller, Set.copyOf(identity.getRoles()));
  }

  public boolean sellerAdmin() {
    return roles.contains("seller-admin");
  }

  public boolean seller() {
    return sellerId != null;
  }

  public boolean reviewer() {
    return roles.contains("compliance-reviewer");
  }

  /** A claim of a token the service side verifies; read here only to name the seller on the page. */
  private static String claim(String jwt, String name) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    try {
      JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return payload.hasNonNull(name) ? payload.get(name).asText() : null;
    } catch (Exception unreadable) {
      return null;
    }
  }
}
