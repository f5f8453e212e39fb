package io.stockbridge.platform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: HMAC-SHA256 with the secret (after {@code whsec_}, base64) over
 * {@code id.timestamp.body}; the {@code webhook-signature} header holds space-separated {@code v1,<base64>}
 * entries (several during a sender's own rotation). Compared in constant time.
 */
public final class StandardWebhookSignature {
  public static final String SECRET_PREFIX = "whsec_";

  private StandardWebhookSignature() {
  }

  /** The signature a sender computes, as {@code v1,<base64>}. */
  public static String sign(String secret, String id, long timestamp, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(mac(secret, id, timestamp, body));
  }

  /** Whether any v1 entry of {@code header} was made with any of {@code secrets}. */
  public static boolean verify(List<String> secrets, String id, long timestamp, byte[] body, String header) {
    boolean valid = false;
    for (String secret : secrets) {
      byte[] expected = mac(secret, id, timestamp, body);
      for (String entry : header.trim().split(" +")) {
        int comma = entry.indexOf(',');
        if (comma < 0 || !"v1".equals(entry.substring(0, comma))) {
          continue;
        }
        byte[] given;
        try {
          given = Base64.getDecoder().decode(entry.substring(comma + 1));
        } catch (IllegalArgumentException e) {
          continue;
        }
        // no early exit: the time taken does not tell which secret or entry matched
        valid |= MessageDigest.isEqual(expected, given);
      }
    }
    return valid;
  }

  private static byte[] mac(String secret, String id, long timestamp, byte[] body) {
    try {
      String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
