package io.stockbridge.sandbox.channel;

import static io.stockbridge.sandbox.channel.ChannelEnvelope.error;
import static io.stockbridge.sandbox.channel.ChannelEnvelope.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stockbridge.sandbox.http.Faults;
import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;
import io.stockbridge.sandbox.http.SandboxRoutes;

/**
 * The channel's signed shop API: every call carries the app key, a timestamp within 5 minutes, the shop's cipher and
 * the HMAC-SHA256 sign, and the shop's access token in {@code x-tts-access-token}. Behind that: the shop's
 * warehouses, product create (into audit), search, activation, reading a product, and the absolute inventory update.
 */
final class ChannelProductApi {
  private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How long after a create an automatic audit result is sent, as the channel answers first and audits later. */

  private final ChannelState state;
  /** Each route gets the shop the verified call acts for. */
  private final SandboxRoutes<Shop> routes = new SandboxRoutes<>();
  private final ChannelImages images = new ChannelImages();

  ChannelProductApi(ChannelState state) {
    this.state = state;
    routes.on("GET", "/logistics/202309/warehouses", (shop, request, segments) -> warehouses(shop))
        .on("POST", ChannelImages.PATH, (shop, request, segments) -> images.upload(shop, request))
        .on("POST", "/product/202309/products", (shop, request, segments) -> create(shop, body(request)))
        .on("POST", "/product/202309/products/search", (shop, request, segments) -> search(shop, body(request)))
        .on("POST", "/product/202309/products/deactivate",
            (shop, request, segments) -> activate(shop, body(request), false))
        .on("POST", "/product/202309/products/activate",
            (shop, request, segments) -> activate(shop, body(request), true))
        .on("POST", "/product/202309/products/{id}/inventory/update",
            (shop, request, segments) -> updateInventory(shop, segments.get(0), body(request)))
        .on("GET", "/product/202309/products/{id}", (shop, request, segments) -> read(shop, segments.get(0)));
  }

  /** Verifies the call, then answers it (after the injected faults, if any). */
  SandboxResponse handle(SandboxRequest request) throws IOException {
    Map<String, String> query = request.parameters();
    SandboxResponse refused = refusal(request, query);
    if (refused != null) {
      return refused;
    }
    Shop shop = state.shops().get(state.tokens().shopOf(request.header("x-tts-access-token")));
    // the image upload is the one call without a shop_cipher
    if (!ChannelImages.PATH.equals(request.path()) && !shop.cipher().equals(query.get("shop_cipher"))) {
      return error(400, 106011, "shop_cipher does not belong to the token's shop");
    }
    if (shop.appUnauthorized()) {
      return error(403, 40302, "UNAUTHORIZED_CHANNEL: the app is not authorised for this shop's channel");
    }
    SandboxResponse injected = injectedFault();
    if (injected != null) {
      return injected;
    }
    SandboxResponse answer = routes.dispatch(shop, request, request.path()).orElseGet(() -> error(404, 36009001,
        "no such API: " + request.method() + " " + request.path()));
    Faults.pause(state.faults().answerDelay(request.path()));
    return answer;
  }

  /** The app key, the timestamp's window, the sign and the token, in the order the channel checks them. */
  private SandboxResponse refusal(SandboxRequest request, Map<String, String> query) {
    if (!state.appKey().equals(query.get("app_key"))) {
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
    // a multipart body (the image upload) is left out of the signature
    String signed = ChannelImages.PATH.equals(request.path()) ? "" : request.body();
    String expected = ChannelSigning.requestSign(state.appSecret(), request.path(), query, signed);
    String sign = query.get("sign");
    if (sign == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        sign.getBytes(StandardCharsets.US_ASCII))) {
      return error(400, 106001, "sign is invalid");
    }
    if (state.tokens().shopOf(request.header("x-tts-access-token")) == null) {
      return error(401, 105002, "access token is expired, revoked or invalid");
    }
    return null;
  }

  private SandboxResponse injectedFault() {
    Faults.pause(state.faults().delay());
    return switch (state.faults().next()) {
      case FAIL -> error(state.faults().failStatus(), 36009009, "sandbox: injected failure");
      case RATE_LIMIT -> error(429, 36009004, "too many requests");
      case SERVE -> null;
    };
  }

  private static JsonNode body(SandboxRequest request) throws IOException {
    return JSON.readTree(request.body());
  }

  private static SandboxResponse warehouses(Shop shop) {
    return ok(Map.of("warehouses", shop.warehouseIds().stream()
        .map(id -> Map.of("id", id, "name", "Warehouse " + id, "type", "SALES_WAREHOUSE")).toList()));
  }

  private SandboxResponse create(Shop shop, JsonNode body) {
    String title = body.path("title").asText("");
    List<String> sellerSkus = new ArrayList<>();
    body.path("skus").forEach(sku -> sellerSkus.add(sku.path("seller_sku").asText("")));
    if (title.isBlank() || sellerSkus.isEmpty() || sellerSkus.stream().anyMatch(String::isBlank)) {
      return error(400, 12019100, "a product needs a title and SKUs with seller_sku");
    }
    List<String> mainImages = new ArrayList<>();
    body.path("main_images").forEach(image -> mainImages.add(image.path("uri").asText("")));
    if (mainImages.isEmpty() || mainImages.stream().anyMatch(uri -> !images.known(shop.id(), uri))) {
      return error(400, 12052700, "main_images must name at least one image, each by a uri the image upload "
          + "answered this shop");
    }
    ChannelProducts.Product product = state.products().create(shop.id(), title, sellerSkus, mainImages);
    String decision = state.autoAudit().get();
    long delay = state.autoAuditDelayMillis().get();
    // the answer says what the product was when created: in audit
    SandboxResponse answer = ok(Map.of("product_id", product.id, "skus", skuList(product), "status", product.status,
        "audit_status", product.audit));
    if (decision != null && delay <= 0) {
      // the webhook overtakes this answer: the seller's system hears of the audit before it knows the product id
      audit(product.id, "PASSED".equals(decision), List.of("sandbox: automatic rejection"));
    } else if (decision != null) {
      // the audit result arrives later, as on the channel: after this answer, by webhook
      CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() ->
          audit(product.id, "PASSED".equals(decision), List.of("sandbox: automatic rejection")));
    }
    return answer;
  }

  /** The shop's products carrying any of the {@code seller_skus} asked for, deleted ones left out. */
  private SandboxResponse search(Shop shop, JsonNode body) {
    Set<String> sellerSkus = new HashSet<>();
    body.path("seller_skus").forEach(sku -> sellerSkus.add(sku.asText()));
    List<Map<String, Object>> found = new ArrayList<>();
    for (ChannelProducts.Product product : state.products().withSellerSkus(shop.id(), sellerSkus)) {
      found.add(Map.of("id", product.id, "title", product.title, "status", product.status, "skus",
          skuList(product)));
    }
    return ok(Map.of("products", found, "total_count", found.size()));
  }

  private static List<Map<String, Object>> skuList(ChannelProducts.Product product) {
    List<Map<String, Object>> skus = new ArrayList<>();
    product.skuIds.forEach((sellerSku, id) -> skus.add(Map.of("id", id, "seller_sku", sellerSku)));
    return skus;
  }

  private SandboxResponse activate(Shop shop, JsonNode body, boolean active) {
    List<String> failed = new ArrayList<>();
    body.path("product_ids").forEach(id -> {
      if (!state.products().activate(shop.id(), id.asText(), active)) {
        failed.add(id.asText());
      }
    });
    return failed.isEmpty() ? ok(Map.of()) : error(400, 12019003, "not found or not in a state to be "
        + (active ? "activated" : "deactivated") + ": " + failed);
  }

  private SandboxResponse read(Shop shop, String productId) {
    ChannelProducts.Product found = state.products().find(shop.id(), productId);
    return found == null ? error(404, 12019003, "product not found") : ok(found.describe());
  }

  /** Absolute quantities; all of the request or none of it. */
  private SandboxResponse updateInventory(Shop shop, String productId, JsonNode body) {
    ChannelProducts.Product product = state.products().find(shop.id(), productId);
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
        if (!quantity.isIntegralNumber() || quantity.asLong() < 0
            || quantity.asLong() > ChannelProducts.MAX_QUANTITY) {
          return error(400, 12052700, "quantity must be a whole number from 0 to " + ChannelProducts.MAX_QUANTITY);
        }
        accepted.computeIfAbsent(skuId, key -> new LinkedHashMap<>()).put(warehouse, quantity.asInt());
      }
    }
    if (accepted.isEmpty()) {
      return error(400, 12052001, "skus with inventory lines are required");
    }
    product.accepted(accepted);
    return ok(Map.of());
  }

  /** Decides a product's audit and sends the channel's PRODUCT_AUDIT_RESULT_UPDATE notification. */
  ChannelProducts.Product audit(String productId, boolean passed, List<String> reasons) {
    ChannelProducts.Product product = state.products().audit(productId, passed, reasons);
    if (product != null) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("product_id", product.id);
      data.put("status", product.status);
      data.put("audit_status", product.audit);
      data.put("reject_reasons", product.rejectReasons);
      data.put("update_time", Instant.now().getEpochSecond());
      state.webhooks().send(ChannelWebhooks.PRODUCT_AUDIT_RESULT_UPDATE, product.shopId, data);
    }
    return product;
  }
}
