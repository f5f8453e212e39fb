package io.stockbridge.sandbox.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends the channel's notifications as TikTok Shop does: a JSON body {@code {type, tts_notification_id, shop_id,
 * timestamp, data}} and, in the Authorization header, hex HMAC-SHA256 with the app secret over app key + body.
 */
public final class ChannelWebhooks {
  /** Notification types, with the channel's numbers. */
  public static final int ORDER_STATUS_UPDATE = 1;
  public static final int PACKAGE_UPDATE = 4;
  public static final int PRODUCT_AUDIT_RESULT_UPDATE = 5;
  public static final int SELLER_DEAUTHORIZATION = 6;
  public static final int UPCOMING_AUTHORIZATION_EXPIRATION = 7;
  public static final int RETURN_STATUS_UPDATE = 12;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicReference<String> url = new AtomicReference<>();
  private final List<Map<String, Object>> sent = new CopyOnWriteArrayList<>();
  private final String appKey;
  private final String appSecret;

  ChannelWebhooks(String appKey, String appSecret) {
    this.appKey = appKey;
    this.appSecret = appSecret;
  }

  public void url(String value) {
    url.set(value);
  }

  /** Every notification sent, with the receiver's status (or the failure), oldest first. */
  public List<Map<String, Object>> sent() {
    return List.copyOf(sent);
  }

  /** Sends one notification now; returns its id. Without a URL it is only recorded. */
  public String send(int type, String shopId, Map<String, Object> data) {
    String id = UUID.randomUUID().toString().replace("-", "");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("tts_notification_id", id);
    body.put("shop_id", shopId);
    body.put("timestamp", Instant.now().getEpochSecond());
    body.put("data", data);
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", id);
    record.put("type", type);
    record.put("body", json);
    String target = url.get();
    if (target == null) {
      record.put("status", "no webhook URL set");
    } else {
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(target))
            .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
            .header("Authorization", ChannelSigning.webhookSignature(appSecret, appKey, json))
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
        record.put("status", response.statusCode());
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        record.put("status", "failed: " + e.getMessage());
      }
    }
    sent.add(record);
    return id;
  }

  void clear() {
    sent.clear();
  }
}
