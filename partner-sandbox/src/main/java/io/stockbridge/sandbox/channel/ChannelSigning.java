package io.stockbridge.sandbox.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The channel's two signatures, as TikTok Shop documents them: API requests are signed with the app secret over
 * {@code secret + path + sorted(key + value, without sign and access_token) + body + secret}; webhooks carry, in the
 * Authorization header, HMAC-SHA256 with the app secret over {@code app_key + raw body}. Both hex, lower case.
 */
public final class ChannelSigning {
  private ChannelSigning() {
  }

  public static String requestSign(String appSecret, String path, Map<String, String> query, String body) {
    StringBuilder content = new StringBuilder(appSecret).append(path);
    new TreeMap<>(query).forEach((key, value) -> {
      if (!"sign".equals(key) && !"access_token".equals(key)) {
        content.append(key).append(value);
      }
    });
    content.append(body == null ? "" : body).append(appSecret);
    return hmac(appSecret, content.toString());
  }

  public static String webhookSignature(String appSecret, String appKey, String body) {
    return hmac(appSecret, appKey + body);
  }

  static String hmac(String secret, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
