package io.stockbridge.catalog.connection.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The channel's signatures as TikTok Shop documents them. A request: hex HMAC-SHA256 with the app secret over
 * {@code secret + path + (each query parameter but sign and access_token, sorted by name, as name + value) + body +
 * secret}. A webhook: hex HMAC-SHA256 with the app secret over {@code app key + raw body}, in the Authorization
 * header.
 */
public final class ChannelRequestSigner {
  private ChannelRequestSigner() {
  }

  public static String sign(String appSecret, String path, Map<String, String> query, String body) {
    StringBuilder content = new StringBuilder(appSecret).append(path);
    new TreeMap<>(query).forEach((name, value) -> {
      if (!"sign".equals(name) && !"access_token".equals(name)) {
        content.append(name).append(value);
      }
    });
    return hmac(appSecret, content.append(body == null ? "" : body).append(appSecret).toString());
  }

  /** Whether {@code signature} is the channel's signature of a webhook body; compared in constant time. */
  public static boolean webhookSigned(String appSecret, String appKey, String body, String signature) {
    if (signature == null) {
      return false;
    }
    byte[] expected = hmac(appSecret, appKey + body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }

  private static String hmac(String secret, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
