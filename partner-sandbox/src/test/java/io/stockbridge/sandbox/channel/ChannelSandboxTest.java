package io.stockbridge.sandbox.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The channel sandbox against its documented behaviour, driven over HTTP as an integration would drive the channel.
 */
class ChannelSandboxTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = ChannelSandbox.DEFAULT_APP_KEY;
  private static final String SECRET = ChannelSandbox.DEFAULT_APP_SECRET;
  private static final String SHOP_CIPHER = "ROW_" + ChannelSandbox.DEFAULT_SHOP;
  private final HttpClient http = HttpClient.newHttpClient();
  private ChannelSandbox channel;
  private HttpServer receiver;
  private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    channel = new ChannelSandbox(KEY, SECRET).start(0);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.createContext("/hooks", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(Map.of("authorization", exchange.getRequestHeaders().getFirst("Authorization"), "body", body));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    channel.webhooks().url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
  }

  @AfterEach
  void stop() {
    channel.close();
    receiver.stop(0);
  }

  @Test
  void signaturesMatchVectorsComputedWithOpenssl() {
    // printf '%s' 'sandbox-app-secret/product/202309/productsapp_keysandbox-app-key...' | openssl dgst -sha256 -hmac ...
    Map<String, String> query = Map.of("app_key", KEY, "timestamp", "1700000000", "shop_cipher", SHOP_CIPHER,
        "sign", "ignored", "access_token", "ignored");
    assertThat(ChannelSigning.requestSign(SECRET, "/product/202309/products", query, "{\"title\":\"t\"}"))
        .isEqualTo("95b5d09a26c1e546b88c9718a07e3b1b81a7fac18e847b1cccdffe683605c8dc");
    assertThat(ChannelSigning.webhookSignature(SECRET, KEY, "{\"type\":5}"))
        .isEqualTo("6e59c3985b4e3c6a1b4e7861911f385a8369474ecf0a4250888689fa1e005bb5");
  }

  @Test
  void authorisationCodeBecomesExpiringTokensOnce_CH1() throws Exception {
    HttpResponse<String> consent = get("/oauth/authorize?app_key=" + KEY + "&state=s-1&redirect_uri="
        + "https%3A%2F%2Fstockbridge.example%2Fcallback&shop_id=" + ChannelSandbox.DEFAULT_SHOP);
    assertThat(consent.statusCode()).isEqualTo(302);
    String location = consent.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("https://stockbridge.example/callback?code=").endsWith("&state=s-1");
    String code = query(URI.create(location)).get("code");

    JsonNode tokens = exchange(code);
    assertThat(tokens.path("code").asInt()).isZero();
    JsonNode data = tokens.path("data");
    long now = Instant.now().getEpochSecond();
    // absolute Unix times, not durations: about seven days for access, a year for refresh
    assertThat(data.path("access_token_expire_in").asLong()).isBetween(now + 6 * 86_400, now + 8 * 86_400);
    assertThat(data.path("refresh_token_expire_in").asLong()).isGreaterThan(now + 300 * 86_400);
    assertThat(data.path("shop_cipher").asText()).isEqualTo(SHOP_CIPHER);
    assertThat(api("GET", "/logistics/202309/warehouses", data.path("access_token").asText(), "").statusCode())
        .isEqualTo(200);

    JsonNode again = exchange(code);
    assertThat(again.path("code").asInt()).isEqualTo(36004006);
  }

  @Test
  void anExpiredAccessTokenIs401AndARefreshGivesAWorkingOne_CH1() throws Exception {
    JsonNode data = authorise();
    String access = data.path("access_token").asText();
    channel.tokens().expireAccessTokens(ChannelSandbox.DEFAULT_SHOP);
    HttpResponse<String> expired = api("GET", "/logistics/202309/warehouses", access, "");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(expired.body()).path("code").asInt()).isEqualTo(105002);

    JsonNode refreshed = JSON.readTree(get("/api/v2/token/refresh?app_key=" + KEY + "&app_secret=" + SECRET
        + "&refresh_token=" + data.path("refresh_token").asText() + "&grant_type=refresh_token").body());
    String fresh = refreshed.path("data").path("access_token").asText();
    assertThat(fresh).isNotEqualTo(access);
    assertThat(api("GET", "/logistics/202309/warehouses", fresh, "").statusCode()).isEqualTo(200);
  }

  @Test
  void aRevokedAuthorisationAnswers401ForEveryTokenOfTheShop_CH2_CH3() throws Exception {
    JsonNode data = authorise();
    post("/sandbox/channel/shops/" + ChannelSandbox.DEFAULT_SHOP + "/revoke", "{}");
    assertThat(api("GET", "/logistics/202309/warehouses", data.path("access_token").asText(), "").statusCode())
        .isEqualTo(401);
    JsonNode refresh = JSON.readTree(get("/api/v2/token/refresh?app_key=" + KEY + "&app_secret=" + SECRET
        + "&refresh_token=" + data.path("refresh_token").asText() + "&grant_type=refresh_token").body());
    assertThat(refresh.path("code").asInt()).isEqualTo(36004006);
  }

  @Test
  void anUnauthorisedAppIs403WithTheChannelsCode_CH4() throws Exception {
    String access = authorise().path("access_token").asText();
    post("/sandbox/channel/shops/" + ChannelSandbox.DEFAULT_SHOP + "/app-authorization", "{\"authorized\":false}");
    HttpResponse<String> refused = api("GET", "/logistics/202309/warehouses", access, "");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).path("code").asInt()).isEqualTo(40302);
    assertThat(JSON.readTree(refused.body()).path("message").asText()).startsWith("UNAUTHORIZED_CHANNEL");
  }

  @Test
  void aBadSignatureOrAStaleTimestampIsRefused() throws Exception {
    String access = authorise().path("access_token").asText();
    String path = "/logistics/202309/warehouses";
    long timestamp = Instant.now().getEpochSecond();
    String query = "app_key=" + KEY + "&timestamp=" + timestamp + "&shop_cipher=" + SHOP_CIPHER + "&sign=00ff";
    HttpResponse<String> badSign = http.send(HttpRequest.newBuilder(URI.create(channel.baseUrl() + path + "?" + query))
        .header("x-tts-access-token", access).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(badSign.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badSign.body()).path("code").asInt()).isEqualTo(106001);
    HttpResponse<String> stale = api("GET", path, access, "", timestamp - 600);
    assertThat(stale.statusCode()).isEqualTo(400);
  }

  @Test
  void aPublishedProductWaitsForItsAuditWhichArrivesAsASignedWebhook() throws Exception {
    String access = authorise().path("access_token").asText();
    JsonNode created = JSON.readTree(api("POST", "/product/202309/products", access,
        "{\"title\":\"Wireless earbuds\",\"main_images\":[{\"uri\":\"" + uploadImage(access, 1080)
            + "\"}],\"skus\":[{\"seller_sku\":\"EAR-BLK\"}]}").body()).path("data");
    String productId = created.path("product_id").asText();
    String skuId = created.path("skus").get(0).path("id").asText();
    assertThat(created.path("status").asText()).isEqualTo("PENDING");
    assertThat(created.path("audit_status").asText()).isEqualTo("AUDITING");
    String update = "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":[{\"warehouse_id\":\"7100000000000001\","
        + "\"quantity\":12}]}]}";
    HttpResponse<String> notLive = api("POST", "/product/202309/products/" + productId + "/inventory/update",
        access, update);
    assertThat(JSON.readTree(notLive.body()).path("code").asInt()).isEqualTo(12019001);

    post("/sandbox/channel/products/" + productId + "/audit", "{\"result\":\"PASSED\"}");
    assertThat(received).hasSize(1);
    String body = received.get(0).get("body");
    assertThat(received.get(0).get("authorization")).isEqualTo(ChannelSigning.webhookSignature(SECRET, KEY, body));
    JsonNode notification = JSON.readTree(body);
    assertThat(notification.path("type").asInt()).isEqualTo(5);
    assertThat(notification.path("tts_notification_id").asText()).isNotBlank();
    assertThat(notification.path("data").path("status").asText()).isEqualTo("ACTIVATE");
    assertThat(notification.path("data").path("audit_status").asText()).isEqualTo("PASSED");

    assertThat(api("POST", "/product/202309/products/" + productId + "/inventory/update", access, update)
        .statusCode()).isEqualTo(200);
    JsonNode state = JSON.readTree(get("/sandbox/channel/products/" + productId).body());
    assertThat(state.path("skus").get(0).path("inventory").path("7100000000000001").asInt()).isEqualTo(12);
    assertThat(state.path("inventory_update_calls").asInt()).isEqualTo(2);
  }

  @Test
  void inventoryUpdatesAreAbsoluteAndRangeChecked() throws Exception {
    String access = authorise().path("access_token").asText();
    channel.autoAudit("PASSED");
    JsonNode created = JSON.readTree(api("POST", "/product/202309/products", access,
        "{\"title\":\"Bottle\",\"main_images\":[{\"uri\":\"" + uploadImage(access, 1080)
            + "\"}],\"skus\":[{\"seller_sku\":\"BOT-1\"}]}").body()).path("data");
    String productId = created.path("product_id").asText();
    String skuId = created.path("skus").get(0).path("id").asText();
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
    String path = "/product/202309/products/" + productId + "/inventory/update";
    for (String quantity : List.of("100000", "-1", "2.5")) {
      HttpResponse<String> refused = api("POST", path, access, "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":"
          + "[{\"warehouse_id\":\"7100000000000001\",\"quantity\":" + quantity + "}]}]}");
      assertThat(JSON.readTree(refused.body()).path("code").asInt()).as(quantity).isEqualTo(12052700);
    }
    HttpResponse<String> otherWarehouse = api("POST", path, access, "{\"skus\":[{\"id\":\"" + skuId
        + "\",\"inventory\":[{\"warehouse_id\":\"999\",\"quantity\":1}]}]}");
    assertThat(JSON.readTree(otherWarehouse.body()).path("code").asInt()).isEqualTo(12052300);
    assertThat(api("POST", path, access, "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":[{\"warehouse_id\":"
        + "\"7100000000000002\",\"quantity\":99999}]}]}").statusCode()).isEqualTo(200);
    assertThat(channel.calls(path)).isEqualTo(5);
  }

  @Test
  void theOrderGeneratorSendsASignedOrderStatusNotification() throws Exception {
    JsonNode order = JSON.readTree(post("/sandbox/channel/orders", "{\"orderId\":\"576000001\",\"status\":"
        + "\"CANCELLED\",\"lines\":[{\"skuId\":\"SKU1\",\"sellerSku\":\"EAR-BLK\",\"quantity\":2}]}").body());
    assertThat(order.path("order_id").asText()).isEqualTo("576000001");
    JsonNode notification = JSON.readTree(received.get(0).get("body"));
    assertThat(notification.path("type").asInt()).isEqualTo(1);
    assertThat(notification.path("data").path("order_status").asText()).isEqualTo("CANCELLED");
    assertThat(notification.path("data").path("line_items").get(0).path("quantity").asInt()).isEqualTo(2);
    assertThat(received.get(0).get("authorization"))
        .isEqualTo(ChannelSigning.webhookSignature(SECRET, KEY, received.get(0).get("body")));
  }

  private JsonNode authorise() throws Exception {
    String location = get("/oauth/authorize?app_key=" + KEY + "&state=s&redirect_uri=http%3A%2F%2Fx%2Fcb")
        .headers().firstValue("Location").orElseThrow();
    return exchange(query(URI.create(location)).get("code")).path("data");
  }

  private JsonNode exchange(String code) throws Exception {
    return JSON.readTree(get("/api/v2/token/get?app_key=" + KEY + "&app_secret=" + SECRET + "&auth_code=" + code
        + "&grant_type=authorized_code").body());
  }

  @Test
  void aProductNamesMainImagesItsShopUploadedOfAUsableSize_LST3() throws Exception {
    String access = authorise().path("access_token").asText();
    HttpResponse<String> bare = api("POST", "/product/202309/products", access,
        "{\"title\":\"Lamp\",\"skus\":[{\"seller_sku\":\"LAMP-1\"}]}");
    assertThat(JSON.readTree(bare.body()).path("code").asInt()).isEqualTo(12052700);
    HttpResponse<String> small = upload(access, 120);
    assertThat(small.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(small.body()).path("code").asInt()).isEqualTo(12052005);
    HttpResponse<String> unknownUri = api("POST", "/product/202309/products", access,
        "{\"title\":\"Lamp\",\"main_images\":[{\"uri\":\"tos-made-up\"}],\"skus\":[{\"seller_sku\":\"LAMP-1\"}]}");
    assertThat(JSON.readTree(unknownUri.body()).path("code").asInt()).isEqualTo(12052700);
    JsonNode uploaded = JSON.readTree(upload(access, 1080).body()).path("data");
    assertThat(uploaded.path("width").asInt()).isEqualTo(1080);
    HttpResponse<String> created = api("POST", "/product/202309/products", access, "{\"title\":\"Lamp\","
        + "\"main_images\":[{\"uri\":\"" + uploaded.path("uri").asText() + "\"}],\"skus\":[{\"seller_sku\":\"LAMP-1\"}]}");
    assertThat(JSON.readTree(created.body()).path("code").asInt()).isZero();
  }

  /** Uploads a square PNG of {@code side} px as a main image; answers its uri. */
  private String uploadImage(String accessToken, int side) throws Exception {
    return JSON.readTree(upload(accessToken, side).body()).path("data").path("uri").asText();
  }

  /** The image upload as the channel documents it: multipart, signed without the body and without shop_cipher. */
  private HttpResponse<String> upload(String accessToken, int side) throws Exception {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    String boundary = "sandbox-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"i.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(png.toByteArray());
    body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"use_case\"\r\n\r\nMAIN_IMAGE"
        + "\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Map<String, String> query = new LinkedHashMap<>();
    query.put("app_key", KEY);
    query.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
    query.put("sign", ChannelSigning.requestSign(SECRET, "/product/202309/images/upload", query, ""));
    String encoded = query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create(channel.baseUrl() + "/product/202309/images/upload?" + encoded))
        .header("x-tts-access-token", accessToken).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> api(String method, String path, String accessToken, String body) throws Exception {
    return api(method, path, accessToken, body, Instant.now().getEpochSecond());
  }

  private HttpResponse<String> api(String method, String path, String accessToken, String body, long timestamp)
      throws Exception {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("app_key", KEY);
    query.put("timestamp", Long.toString(timestamp));
    query.put("shop_cipher", SHOP_CIPHER);
    query.put("sign", ChannelSigning.requestSign(SECRET, path, query, body));
    String encoded = query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(channel.baseUrl() + path + "?" + encoded))
        .header("x-tts-access-token", accessToken).header("Content-Type", "application/json");
    request = "GET".equals(method) ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(channel.baseUrl() + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(channel.baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }
}
