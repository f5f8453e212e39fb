package io.stockbridge.sandbox.channel;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stockbridge.sandbox.http.Faults;
import io.stockbridge.sandbox.http.SandboxHttpServer;
import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;

/**
 * A simulated sales channel in the manner of TikTok Shop (see PARTNER-APIS.md): OAuth authorisation with expiring
 * tokens, refresh and revocation, signed API requests, product publication with an asynchronous audit result,
 * the absolute inventory update, signed webhooks and an order generator.
 *
 * <pre>
 *   GET  /oauth/authorize?app_key&amp;state&amp;redirect_uri&amp;shop_id     the seller consents: 302 to redirect_uri?code&amp;state
 *   GET  /api/v2/token/get?app_key&amp;app_secret&amp;auth_code&amp;grant_type=authorized_code
 *   GET  /api/v2/token/refresh?app_key&amp;app_secret&amp;refresh_token&amp;grant_type=refresh_token
 *   signed (query app_key, timestamp, shop_cipher, sign; header x-tts-access-token):
 *   GET  /logistics/202309/warehouses
 *   POST /product/202309/products                               {title, skus: [{seller_sku}]} -> in audit
 *   POST /product/202309/products/search                        {seller_skus: [...]} -> {products: [{id, status, skus}]}
 *   GET  /product/202309/products/{id}
 *   POST /product/202309/products/{id}/inventory/update         {skus: [{id, inventory: [{warehouse_id, quantity}]}]}
 *   POST /product/202309/products/deactivate                    {product_ids: [...]} live -> SELLER_DEACTIVATED
 *   POST /product/202309/products/activate                      {product_ids: [...]} SELLER_DEACTIVATED -> live
 *   control:
 *   PUT  /sandbox/channel/settings        {webhookUrl, accessTokenSeconds, refreshTokenSeconds, autoAudit: PASSED|REJECTED}
 *   POST /sandbox/channel/shops/{id}/revoke            the seller removes the app: its tokens answer 401
 *   POST /sandbox/channel/shops/{id}/expire-tokens     its access tokens expire now
 *   POST /sandbox/channel/shops/{id}/app-authorization {"authorized": false} -> 403 code 40302 UNAUTHORIZED_CHANNEL
 *   POST /sandbox/channel/products/{id}/audit          {"result": "PASSED|REJECTED", "reasons": [...]} + webhook
 *   GET  /sandbox/channel/products/{id}                state, quantities, inventory update calls
 *   POST /sandbox/channel/products/{id}/inventory      {skuId, warehouseId, quantity}: the channel's count drifts
 *   POST /sandbox/channel/products/{id}/status         {"status": "FREEZE"}: the platform freezes (or restores) it
 *   POST /sandbox/channel/orders                       {shopId, orderId, status, lines: [{skuId, sellerSku, quantity}]} -> webhook
 *   POST /sandbox/channel/faults                       {"failNext": n, "status": 503, "delayMillis": ms,
 *                                                       "lateAnswerNext": n, "lateAnswerMillis": ms, "lateAnswerPath": p}
 *   GET  /sandbox/channel/webhooks                     the notifications sent and the receiver's answers
 *   GET  /sandbox/channel/calls                        API calls by path
 * </pre>
 *
 * Errors answer with the channel's envelope {@code {code, message, request_id}}: 400 and code 106001 for a bad
 * signature or stale timestamp, 401 and 105002 for an expired or revoked token, 403 and 40302 when the app is not
 * authorised for the shop's channel, 400 with 120xxxxx codes for product and inventory refusals.
 */
public final class ChannelSandbox implements AutoCloseable {
  public static final String DEFAULT_APP_KEY = "sandbox-app-key";
  public static final String DEFAULT_APP_SECRET = "sandbox-app-secret";
  public static final String DEFAULT_SHOP = "7000000000000001";
  private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PRODUCT = Pattern.compile("/product/202309/products/([0-9]+)");
  private static final Pattern INVENTORY = Pattern.compile("/product/202309/products/([0-9]+)/inventory/update");

  private final String appKey;
  private final String appSecret;
  private final Map<String, Shop> shops = new ConcurrentHashMap<>();
  private final TokenIssuer tokens = new TokenIssuer();
  private final ChannelProducts products = new ChannelProducts();
  private final ChannelWebhooks webhooks;
  private final Faults faults = new Faults();
  private final Map<String, AtomicInteger> calls = new ConcurrentSkipListMap<>();
  private final AtomicReference<String> autoAudit = new AtomicReference<>();
  private SandboxHttpServer server;

  public ChannelSandbox(String appKey, String appSecret) {
    this.appKey = appKey;
    this.appSecret = appSecret;
    this.webhooks = new ChannelWebhooks(appKey, appSecret);
    addShop(new Shop(DEFAULT_SHOP, "Sandbox Seller Store", "US", List.of("7100000000000001", "7100000000000002")));
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8191;
    String key = System.getenv().getOrDefault("SANDBOX_CHANNEL_APP_KEY", DEFAULT_APP_KEY);
    String secret = System.getenv().getOrDefault("SANDBOX_CHANNEL_APP_SECRET", DEFAULT_APP_SECRET);
    ChannelSandbox sandbox = new ChannelSandbox(key, secret).start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    System.out.println("Channel sandbox ready on " + sandbox.baseUrl());
  }

  public ChannelSandbox start(int port) {
    server = SandboxHttpServer.start(port, this::route);
    return this;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public void addShop(Shop shop) {
    shops.put(shop.id(), shop);
  }

  public Shop shop(String id) {
    return shops.get(id);
  }

  public TokenIssuer tokens() {
    return tokens;
  }

  public ChannelProducts products() {
    return products;
  }

  public ChannelWebhooks webhooks() {
    return webhooks;
  }

  public Faults faults() {
    return faults;
  }

  /** How many API calls reached {@code path} (e.g. a product's inventory update). */
  public int calls(String path) {
    AtomicInteger count = calls.get(path);
    return count == null ? 0 : count.get();
  }

  /** Decides every new product's audit at once (PASSED or REJECTED), or leaves it to the control API (null). */
  public void autoAudit(String result) {
    autoAudit.set(result);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  private SandboxResponse route(SandboxRequest request) {
    String path = request.path();
    try {
      if (path.startsWith("/sandbox/channel/")) {
        return control(request, path.substring("/sandbox/channel/".length()).split("/"));
      }
      calls.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
      if (path.equals("/oauth/authorize")) {
        return authorize(request.parameters());
      }
      if (path.equals("/api/v2/token/get") || path.equals("/api/v2/token/refresh")) {
        // a slow channel is slow for refreshes too (a refresh may then overlap the seller's own changes)
        if (path.endsWith("/refresh") && !faults.delay().isZero()) {
          pause(faults.delay());
        }
        return token(path, request.parameters());
      }
      return signedApi(request);
    } catch (IOException | IllegalArgumentException e) {
      return error(400, 36009003, "invalid request: " + e.getMessage());
    }
  }

  // --- OAuth (CH-1)

  private SandboxResponse authorize(Map<String, String> query) {
    Shop shop = shops.get(query.getOrDefault("shop_id", DEFAULT_SHOP));
    String redirect = query.get("redirect_uri");
    if (!appKey.equals(query.get("app_key")) || shop == null || redirect == null || redirect.isBlank()) {
      return error(400, 36004004, "unknown app_key or shop, or no redirect_uri");
    }
    String code = tokens.issueCode(shop.id());
    String separator = redirect.contains("?") ? "&" : "?";
    return SandboxResponse.redirect(redirect + separator + "code=" + code + "&state="
        + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
  }

  private SandboxResponse token(String path, Map<String, String> query) {
    if (!appKey.equals(query.get("app_key")) || !appSecret.equals(query.get("app_secret"))) {
      return error(401, 36004004, "app_key or app_secret is wrong");
    }
    boolean refresh = path.endsWith("/refresh");
    String grantType = query.get("grant_type");
    if (refresh ? !"refresh_token".equals(grantType) : !"authorized_code".equals(grantType)) {
      return error(400, 36004005, "grant_type must be " + (refresh ? "refresh_token" : "authorized_code"));
    }
    TokenIssuer.Tokens issued = refresh ? tokens.refresh(query.get("refresh_token")) : tokens.exchange(query.get("auth_code"));
    if (issued == null) {
      return error(400, 36004006, refresh ? "refresh_token is invalid, expired or revoked"
          : "auth_code is invalid, used or expired");
    }
    String shopId = tokens.shopOf(issued.accessToken());
    Shop shop = shops.get(shopId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("access_token", issued.accessToken());
    data.put("access_token_expire_in", issued.accessTokenExpireIn());
    data.put("refresh_token", issued.refreshToken());
    data.put("refresh_token_expire_in", issued.refreshTokenExpireIn());
    data.put("open_id", "open-" + shopId);
    data.put("seller_name", shop.sellerName());
    data.put("seller_base_region", shop.region());
    data.put("granted_scopes", List.of("seller.product.basic", "seller.product.write", "seller.order.info"));
    // the sandbox's own addition, so an integration learns which shop it was given without another call
    data.put("shop_id", shop.id());
    data.put("shop_cipher", shop.cipher());
    return ok(data);
  }

  // --- the signed API

  private SandboxResponse signedApi(SandboxRequest request) throws IOException {
    Map<String, String> query = request.parameters();
    if (!appKey.equals(query.get("app_key"))) {
      return error(400, 106001, "unknown app_key");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(query.getOrDefault("timestamp", ""));
    } catch (NumberFormatException e) {
      return error(400, 106001, "timestamp is missing");
    }
    if (Math.abs(Instant.now().getEpochSecond() - timestamp) > TIMESTAMP_TOLERANCE.toSeconds()) {
      return error(400, 106001, "timestamp is outside the allowed window");
    }
    String expected = ChannelSigning.requestSign(appSecret, request.path(), query, request.body());
    String sign = query.get("sign");
    if (sign == null || !java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        sign.getBytes(StandardCharsets.US_ASCII))) {
      return error(400, 106001, "sign is invalid");
    }
    String shopId = tokens.shopOf(request.header("x-tts-access-token"));
    if (shopId == null) {
      return error(401, 105002, "access token is expired, revoked or invalid");
    }
    Shop shop = shops.get(shopId);
    if (!shop.cipher().equals(query.get("shop_cipher"))) {
      return error(400, 106011, "shop_cipher does not belong to the token's shop");
    }
    if (shop.appUnauthorized()) {
      return error(403, 40302, "UNAUTHORIZED_CHANNEL: the app is not authorised for this shop's channel");
    }
    SandboxResponse injected = injectedFault();
    if (injected != null) {
      return injected;
    }
    SandboxResponse answer = serve(request, shop);
    Duration late = faults.answerDelay(request.path());
    if (!late.isZero()) {
      pause(late);
    }
    return answer;
  }

  private SandboxResponse serve(SandboxRequest request, Shop shop) throws IOException {
    String path = request.path();
    if ("GET".equals(request.method()) && path.equals("/logistics/202309/warehouses")) {
      return ok(Map.of("warehouses", shop.warehouseIds().stream()
          .map(id -> Map.of("id", id, "name", "Warehouse " + id, "type", "SALES_WAREHOUSE")).toList()));
    }
    if ("POST".equals(request.method()) && path.equals("/product/202309/products")) {
      return createProduct(shop, JSON.readTree(request.body()));
    }
    if ("POST".equals(request.method()) && path.equals("/product/202309/products/search")) {
      return searchProducts(shop, JSON.readTree(request.body()));
    }
    if ("POST".equals(request.method()) && (path.equals("/product/202309/products/deactivate")
        || path.equals("/product/202309/products/activate"))) {
      boolean active = path.endsWith("/activate");
      List<String> failed = new ArrayList<>();
      JSON.readTree(request.body()).path("product_ids").forEach(id -> {
        if (!products.activate(shop.id(), id.asText(), active)) {
          failed.add(id.asText());
        }
      });
      return failed.isEmpty() ? ok(Map.of()) : error(400, 12019003, "not found or not in a state to be "
          + (active ? "activated" : "deactivated") + ": " + failed);
    }
    Matcher inventory = INVENTORY.matcher(path);
    if ("POST".equals(request.method()) && inventory.matches()) {
      return updateInventory(shop, inventory.group(1), JSON.readTree(request.body()));
    }
    Matcher product = PRODUCT.matcher(path);
    if ("GET".equals(request.method()) && product.matches()) {
      ChannelProducts.Product found = products.find(shop.id(), product.group(1));
      return found == null ? error(404, 12019003, "product not found") : ok(found.describe());
    }
    return error(404, 36009001, "no such API: " + request.method() + " " + path);
  }

  private SandboxResponse injectedFault() {
    Duration delay = faults.delay();
    if (!delay.isZero()) {
      pause(delay);
    }
    return switch (faults.next()) {
      case FAIL -> error(faults.failStatus(), 36009009, "sandbox: injected failure");
      case RATE_LIMIT -> error(429, 36009004, "too many requests");
      case SERVE -> null;
    };
  }

  private SandboxResponse createProduct(Shop shop, JsonNode body) {
    String title = body.path("title").asText("");
    List<String> sellerSkus = new ArrayList<>();
    body.path("skus").forEach(sku -> sellerSkus.add(sku.path("seller_sku").asText("")));
    if (title.isBlank() || sellerSkus.isEmpty() || sellerSkus.stream().anyMatch(String::isBlank)) {
      return error(400, 12019100, "a product needs a title and SKUs with seller_sku");
    }
    ChannelProducts.Product product = products.create(shop.id(), title, sellerSkus);
    String decision = autoAudit.get();
    if (decision != null) {
      // the audit result arrives later, as on the channel: after this answer, by webhook
      java.util.concurrent.CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
          .execute(() -> finishAudit(product.id, "PASSED".equals(decision), List.of("sandbox: automatic rejection")));
    }
    List<Map<String, Object>> skus = new ArrayList<>();
    product.skuIds.forEach((sellerSku, id) -> skus.add(Map.of("id", id, "seller_sku", sellerSku)));
    return ok(Map.of("product_id", product.id, "skus", skus, "status", product.status, "audit_status", product.audit));
  }

  /** The shop's products carrying any of the {@code seller_skus} asked for, deleted ones left out. */
  private SandboxResponse searchProducts(Shop shop, JsonNode body) {
    java.util.Set<String> sellerSkus = new java.util.HashSet<>();
    body.path("seller_skus").forEach(sku -> sellerSkus.add(sku.asText()));
    List<Map<String, Object>> found = new ArrayList<>();
    for (ChannelProducts.Product product : products.withSellerSkus(shop.id(), sellerSkus)) {
      List<Map<String, Object>> skus = new ArrayList<>();
      product.skuIds.forEach((sellerSku, id) -> skus.add(Map.of("id", id, "seller_sku", sellerSku)));
      found.add(Map.of("id", product.id, "title", product.title, "status", product.status, "skus", skus));
    }
    return ok(Map.of("products", found, "total_count", found.size()));
  }

  /** The sandbox's simulated slowness: it holds this request's thread, as a slow partner holds the connection. */
  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ChannelProducts.Product finishAudit(String productId, boolean passed, List<String> reasons) {
    ChannelProducts.Product product = products.audit(productId, passed, reasons);
    if (product != null) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("product_id", product.id);
      data.put("status", product.status);
      data.put("audit_status", product.audit);
      data.put("reject_reasons", product.rejectReasons);
      data.put("update_time", Instant.now().getEpochSecond());
      webhooks.send(ChannelWebhooks.PRODUCT_AUDIT_RESULT_UPDATE, product.shopId, data);
    }
    return product;
  }

  /** Absolute quantities; all of the request or none of it. */
  private SandboxResponse updateInventory(Shop shop, String productId, JsonNode body) {
    ChannelProducts.Product product = products.find(shop.id(), productId);
    if (product == null) {
      return error(404, 12019003, "product not found");
    }
    product.inventoryUpdates.incrementAndGet();
    if (!"ACTIVATE".equals(product.status) && !"SELLER_DEACTIVATED".equals(product.status)) {
      return error(400, 12019001, "only live or deactivated products take inventory updates; this one is "
          + product.status);
    }
    Map<String, Map<String, Integer>> accepted = new LinkedHashMap<>();
    for (JsonNode sku : body.path("skus")) {
      String skuId = sku.path("id").asText("");
      if (!product.skuIds.containsValue(skuId)) {
        return error(400, 12052002, "SKU " + skuId + " is not a SKU of product " + productId);
      }
      for (JsonNode line : sku.path("inventory")) {
        String warehouse = line.path("warehouse_id").asText("");
        JsonNode quantity = line.path("quantity");
        if (!shop.warehouseIds().contains(warehouse)) {
          return error(400, 12052300, "warehouse " + warehouse + " is not a warehouse of this shop");
        }
        if (!quantity.isIntegralNumber() || quantity.asLong() < 0 || quantity.asLong() > ChannelProducts.MAX_QUANTITY) {
          return error(400, 12052700, "quantity must be a whole number from 0 to " + ChannelProducts.MAX_QUANTITY);
        }
        accepted.computeIfAbsent(skuId, key -> new LinkedHashMap<>()).put(warehouse, quantity.asInt());
      }
    }
    if (accepted.isEmpty()) {
      return error(400, 12052001, "skus with inventory lines are required");
    }
    accepted.forEach((skuId, lines) -> product.inventory.computeIfAbsent(skuId, key -> new ConcurrentHashMap<>())
        .putAll(lines));
    return ok(Map.of());
  }

  // --- control

  private SandboxResponse control(SandboxRequest request, String[] parts) throws IOException {
    String method = request.method();
    if (parts.length == 1 && "settings".equals(parts[0]) && "PUT".equals(method)) {
      JsonNode settings = JSON.readTree(request.body());
      if (settings.has("webhookUrl")) {
        webhooks.url(settings.path("webhookUrl").asText(null));
      }
      if (settings.has("accessTokenSeconds") || settings.has("refreshTokenSeconds")) {
        tokens.lifetimes(Duration.ofSeconds(settings.path("accessTokenSeconds").asLong(7 * 86_400)),
            Duration.ofSeconds(settings.path("refreshTokenSeconds").asLong(365 * 86_400)));
      }
      if (settings.has("autoAudit")) {
        autoAudit(settings.path("autoAudit").isNull() ? null : settings.path("autoAudit").asText());
      }
      return SandboxResponse.json(200, settings);
    }
    if (parts.length == 3 && "shops".equals(parts[0]) && "POST".equals(method)) {
      Shop shop = shops.get(parts[1]);
      if (shop == null) {
        return SandboxResponse.json(404, Map.of("error", "no such shop"));
      }
      switch (parts[2]) {
        case "revoke" -> tokens.revoke(shop.id());
        case "expire-tokens" -> tokens.expireAccessTokens(shop.id());
        case "app-authorization" -> shop.appUnauthorized(!JSON.readTree(request.body()).path("authorized").asBoolean(true));
        default -> {
          return SandboxResponse.json(404, Map.of("error", "unknown shop action"));
        }
      }
      return SandboxResponse.json(200, Map.of("shop", shop.id(), "done", parts[2]));
    }
    if (parts.length == 3 && "products".equals(parts[0]) && "audit".equals(parts[2]) && "POST".equals(method)) {
      JsonNode decision = JSON.readTree(request.body());
      List<String> reasons = new ArrayList<>();
      decision.path("reasons").forEach(reason -> reasons.add(reason.asText()));
      ChannelProducts.Product product = finishAudit(parts[1], "PASSED".equals(decision.path("result").asText()),
          reasons);
      return product == null ? SandboxResponse.json(404, Map.of("error", "no such product"))
          : SandboxResponse.json(200, product.describe());
    }
    if (parts.length == 3 && "products".equals(parts[0]) && "status".equals(parts[2]) && "POST".equals(method)) {
      return products.status(parts[1], JSON.readTree(request.body()).path("status").asText("ACTIVATE"))
          ? SandboxResponse.json(200, products.find(parts[1]).describe())
          : SandboxResponse.json(404, Map.of("error", "no such product"));
    }
    if (parts.length == 3 && "products".equals(parts[0]) && "inventory".equals(parts[2]) && "POST".equals(method)) {
      JsonNode given = JSON.readTree(request.body());
      return products.drift(parts[1], given.path("skuId").asText(), given.path("warehouseId").asText(),
          given.path("quantity").asInt()) ? SandboxResponse.json(200, products.find(parts[1]).describe())
          : SandboxResponse.json(404, Map.of("error", "no such product or SKU"));
    }
    if (parts.length == 2 && "products".equals(parts[0]) && "GET".equals(method)) {
      ChannelProducts.Product product = products.find(parts[1]);
      return product == null ? SandboxResponse.json(404, Map.of("error", "no such product"))
          : SandboxResponse.json(200, product.describe());
    }
    if (parts.length == 1 && "orders".equals(parts[0]) && "POST".equals(method)) {
      return order(JSON.readTree(request.body()));
    }
    if (parts.length == 1 && "faults".equals(parts[0]) && "POST".equals(method)) {
      JsonNode given = JSON.readTree(request.body());
      faults.clear().failNext(given.path("failNext").asInt(0), given.path("status").asInt(503))
          .rateLimitNext(given.path("rateLimitNext").asInt(0))
          .delay(Duration.ofMillis(given.path("delayMillis").asLong(0)))
          .lateAnswerNext(given.path("lateAnswerPath").asText(null), given.path("lateAnswerNext").asInt(0),
              Duration.ofMillis(given.path("lateAnswerMillis").asLong(0)));
      return SandboxResponse.json(200, given);
    }
    if (parts.length == 1 && "webhooks".equals(parts[0]) && "GET".equals(method)) {
      return SandboxResponse.json(200, webhooks.sent());
    }
    if (parts.length == 1 && "calls".equals(parts[0]) && "GET".equals(method)) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      calls.forEach((path, count) -> counts.put(path, count.get()));
      return SandboxResponse.json(200, counts);
    }
    return SandboxResponse.json(404, Map.of("error", "unknown channel sandbox control path"));
  }

  /** The order generator: one ORDER_STATUS_UPDATE notification for an order in the given status. */
  private SandboxResponse order(JsonNode order) {
    String shopId = order.path("shopId").asText(DEFAULT_SHOP);
    if (!shops.containsKey(shopId)) {
      return SandboxResponse.json(404, Map.of("error", "no such shop"));
    }
    String orderId = order.path("orderId").asText("5" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
    List<Map<String, Object>> lines = new ArrayList<>();
    order.path("lines").forEach(line -> lines.add(Map.of("sku_id", line.path("skuId").asText(""),
        "seller_sku", line.path("sellerSku").asText(""), "quantity", line.path("quantity").asInt(1))));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("order_id", orderId);
    data.put("order_status", order.path("status").asText("AWAITING_SHIPMENT"));
    data.put("update_time", Instant.now().getEpochSecond());
    data.put("line_items", lines);
    String notification = webhooks.send(ChannelWebhooks.ORDER_STATUS_UPDATE, shopId, data);
    return SandboxResponse.json(200, Map.of("order_id", orderId, "notification_id", notification));
  }

  private static SandboxResponse ok(Object data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("code", 0);
    envelope.put("message", "Success");
    envelope.put("request_id", UUID.randomUUID().toString());
    envelope.put("data", data);
    return SandboxResponse.json(200, envelope);
  }

  private static SandboxResponse error(int status, int code, String message) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("code", code);
    envelope.put("message", message);
    envelope.put("request_id", UUID.randomUUID().toString());
    return SandboxResponse.json(status, envelope);
  }
}
