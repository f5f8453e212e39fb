package io.stockbridge.sandbox.channel;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;
import io.stockbridge.sandbox.http.SandboxRoutes;

/**
 * The sandbox's control API under {@code /sandbox/channel/}: what a test (or the local demo) does to the channel
 * that the channel's own API cannot: settings, a seller revoking the app, audit results, the platform freezing a
 * product, its count drifting, orders, faults, and what was sent and called.
 */
final class ChannelControlApi {
  static final String PREFIX = "/sandbox/channel";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SandboxResponse NO_PRODUCT = SandboxResponse.json(404, Map.of("error", "no such product"));

  private final ChannelState state;
  private final ChannelProductApi productApi;
  private final SandboxRoutes<Void> routes = new SandboxRoutes<>();

  ChannelControlApi(ChannelState state, ChannelProductApi productApi) {
    this.state = state;
    this.productApi = productApi;
    routes.on("PUT", "/settings", (none, request, segments) -> settings(body(request)))
        .on("POST", "/shops/{id}/revoke", (none, request, segments) -> onShop(segments.get(0), "revoke",
            shop -> state.tokens().revoke(shop.id())))
        .on("POST", "/shops/{id}/expire-tokens", (none, request, segments) -> onShop(segments.get(0),
            "expire-tokens", shop -> state.tokens().expireAccessTokens(shop.id())))
        .on("POST", "/shops/{id}/deauthorize", (none, request, segments) -> deauthorize(segments.get(0)))
        .on("POST", "/shops/{id}/authorization-expiry", (none, request, segments) ->
            authorizationExpiry(segments.get(0), body(request)))
        .on("POST", "/shops/{id}/app-authorization", (none, request, segments) -> {
          boolean authorized = body(request).path("authorized").asBoolean(true);
          return onShop(segments.get(0), "app-authorization", shop -> shop.appUnauthorized(!authorized));
        })
        .on("POST", "/products/{id}/audit", (none, request, segments) -> audit(segments.get(0), body(request)))
        .on("POST", "/products/{id}/status", (none, request, segments) -> described(state.products()
            .status(segments.get(0), body(request).path("status").asText("ACTIVATE")), segments.get(0)))
        .on("POST", "/products/{id}/inventory", (none, request, segments) -> drift(segments.get(0), body(request)))
        .on("GET", "/products/{id}", (none, request, segments) -> described(true, segments.get(0)))
        .on("GET", "/products/{id}/inventory-updates", (none, request, segments) -> acceptedQuantities(segments.get(0)))
        .on("POST", "/orders", (none, request, segments) -> order(body(request)))
        .on("POST", "/packages", (none, request, segments) -> packageUpdate(body(request)))
        .on("POST", "/returns", (none, request, segments) -> returnUpdate(body(request)))
        .on("POST", "/faults", (none, request, segments) -> faults(body(request)))
        .on("GET", "/webhooks", (none, request, segments) -> SandboxResponse.json(200, state.webhooks().sent()))
        .on("GET", "/calls", (none, request, segments) -> calls());
  }

  SandboxResponse handle(SandboxRequest request) throws IOException {
    return routes.dispatch(null, request, request.path().substring(PREFIX.length()))
        .orElseGet(() -> SandboxResponse.json(404, Map.of("error", "unknown channel sandbox control path")));
  }

  private static JsonNode body(SandboxRequest request) throws IOException {
    return JSON.readTree(request.body());
  }

  private SandboxResponse settings(JsonNode settings) {
    if (settings.has("webhookUrl")) {
      state.webhooks().url(settings.path("webhookUrl").asText(null));
    }
    if (settings.has("accessTokenSeconds") || settings.has("refreshTokenSeconds")) {
      state.tokens().lifetimes(Duration.ofSeconds(settings.path("accessTokenSeconds").asLong(7 * 86_400)),
          Duration.ofSeconds(settings.path("refreshTokenSeconds").asLong(365 * 86_400)));
    }
    if (settings.has("autoAudit")) {
      state.autoAudit().set(settings.path("autoAudit").isNull() ? null : settings.path("autoAudit").asText());
    }
    if (settings.has("autoAuditDelayMillis")) {
      state.autoAuditDelayMillis().set(settings.path("autoAuditDelayMillis").asLong(200));
    }
    return SandboxResponse.json(200, settings);
  }

  private SandboxResponse onShop(String shopId, String action, Consumer<Shop> change) {
    Shop shop = state.shops().get(shopId);
    if (shop == null) {
      return SandboxResponse.json(404, Map.of("error", "no such shop"));
    }
    change.accept(shop);
    return SandboxResponse.json(200, Map.of("shop", shop.id(), "done", action));
  }

  private SandboxResponse audit(String productId, JsonNode decision) {
    List<String> reasons = new ArrayList<>();
    decision.path("reasons").forEach(reason -> reasons.add(reason.asText()));
    ChannelProducts.Product product = productApi.audit(productId, "PASSED".equals(decision.path("result").asText()),
        reasons);
    return product == null ? NO_PRODUCT : SandboxResponse.json(200, product.describe());
  }

  private SandboxResponse drift(String productId, JsonNode given) {
    return state.products().drift(productId, given.path("skuId").asText(), given.path("warehouseId").asText(),
        given.path("quantity").asInt()) ? SandboxResponse.json(200, state.products().find(productId).describe())
        : SandboxResponse.json(404, Map.of("error", "no such product or SKU"));
  }

  /** Every quantity the channel accepted for the product, with the time it accepted it (a latency bench's far end). */
  private SandboxResponse acceptedQuantities(String productId) {
    ChannelProducts.Product product = state.products().find(productId);
    if (product == null) {
      return NO_PRODUCT;
    }
    synchronized (product.acceptedQuantities) {
      return SandboxResponse.json(200, List.copyOf(product.acceptedQuantities));
    }
  }

  private SandboxResponse described(boolean found, String productId) {
    ChannelProducts.Product product = found ? state.products().find(productId) : null;
    return product == null ? NO_PRODUCT : SandboxResponse.json(200, product.describe());
  }

  /** The order generator: one ORDER_STATUS_UPDATE notification for an order in the given status. */
  private SandboxResponse order(JsonNode order) {
    String shopId = order.path("shopId").asText(ChannelSandbox.DEFAULT_SHOP);
    if (!state.shops().containsKey(shopId)) {
      return SandboxResponse.json(404, Map.of("error", "no such shop"));
    }
    String orderId = order.path("orderId").asText("5"
        + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
    List<Map<String, Object>> lines = lines(order.path("lines"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("order_id", orderId);
    data.put("order_status", order.path("status").asText("AWAITING_SHIPMENT"));
    data.put("update_time", Instant.now().getEpochSecond());
    data.put("line_items", lines);
    if (order.hasNonNull("totalAmount")) {
      data.put("payment", Map.of("currency", order.path("currency").asText("USD"),
          "total_amount", order.path("totalAmount").asText()));
    }
    String notification = state.webhooks().send(ChannelWebhooks.ORDER_STATUS_UPDATE, shopId, data);
    return SandboxResponse.json(200, Map.of("order_id", orderId, "notification_id", notification));
  }

  /** The seller removes the app in the channel: its tokens stop working and SELLER_DEAUTHORIZATION is sent. */
  private SandboxResponse deauthorize(String shopId) {
    if (!state.shops().containsKey(shopId)) {
      return SandboxResponse.json(404, Map.of("error", "no such shop"));
    }
    state.tokens().revoke(shopId);
    String notification = state.webhooks().send(ChannelWebhooks.SELLER_DEAUTHORIZATION, shopId,
        Map.of("message", "The seller deauthorized the application", "update_time", Instant.now().getEpochSecond()));
    return SandboxResponse.json(200, Map.of("shop", shopId, "notification_id", notification));
  }

  /** The channel's notice that the seller's authorisation lapses in {@code days} (default 5). */
  private SandboxResponse authorizationExpiry(String shopId, JsonNode given) {
    if (!state.shops().containsKey(shopId)) {
      return SandboxResponse.json(404, Map.of("error", "no such shop"));
    }
    long expiresAt = Instant.now().plus(Duration.ofDays(given.path("days").asLong(5))).getEpochSecond();
    String notification = state.webhooks().send(ChannelWebhooks.UPCOMING_AUTHORIZATION_EXPIRATION, shopId,
        Map.of("message", "The authorization will expire soon", "expiration_time", expiresAt));
    return SandboxResponse.json(200, Map.of("shop", shopId, "expiration_time", expiresAt,
        "notification_id", notification));
  }

  /** PACKAGE_UPDATE: a package of an order, its status (PROCESSING once its label exists) and its SKUs. */
  private SandboxResponse packageUpdate(JsonNode given) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("package_id", given.path("packageId").asText(""));
    data.put("order_id", given.path("orderId").asText(""));
    data.put("package_status", given.path("status").asText("PROCESSING"));
    data.put("update_time", Instant.now().getEpochSecond());
    data.put("line_items", lines(given.path("lines")));
    return notice(given, ChannelWebhooks.PACKAGE_UPDATE, data);
  }

  /** RETURN_STATUS_UPDATE: a return of an order, its status and type, the warehouse it goes back to, its SKUs. */
  private SandboxResponse returnUpdate(JsonNode given) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("return_id", given.path("returnId").asText(""));
    data.put("order_id", given.path("orderId").asText(""));
    data.put("return_status", given.path("status").asText("RETURN_OR_REFUND_REQUEST_COMPLETE"));
    data.put("return_type", given.path("type").asText("RETURN_AND_REFUND"));
    if (given.hasNonNull("warehouseId")) {
      data.put("warehouse_id", given.path("warehouseId").asText());
    }
    data.put("update_time", Instant.now().getEpochSecond());
    data.put("return_line_items", lines(given.path("lines")));
    return notice(given, ChannelWebhooks.RETURN_STATUS_UPDATE, data);
  }

  private SandboxResponse notice(JsonNode given, int type, Map<String, Object> data) {
    String shopId = given.path("shopId").asText(ChannelSandbox.DEFAULT_SHOP);
    if (!state.shops().containsKey(shopId)) {
      return SandboxResponse.json(404, Map.of("error", "no such shop"));
    }
    return SandboxResponse.json(200, Map.of("notification_id", state.webhooks().send(type, shopId, data)));
  }

  private static List<Map<String, Object>> lines(JsonNode given) {
    List<Map<String, Object>> lines = new ArrayList<>();
    given.forEach(line -> lines.add(Map.of("sku_id", line.path("skuId").asText(""),
        "seller_sku", line.path("sellerSku").asText(""), "quantity", line.path("quantity").asInt(1))));
    return lines;
  }

  private SandboxResponse faults(JsonNode given) {
    state.faults().clear().failNext(given.path("failNext").asInt(0), given.path("status").asInt(503))
        .rateLimitNext(given.path("rateLimitNext").asInt(0))
        .delay(Duration.ofMillis(given.path("delayMillis").asLong(0)))
        .lateAnswerNext(given.path("lateAnswerPath").asText(null), given.path("lateAnswerNext").asInt(0),
            Duration.ofMillis(given.path("lateAnswerMillis").asLong(0)));
    return SandboxResponse.json(200, given);
  }

  private SandboxResponse calls() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    state.calls().forEach((path, count) -> counts.put(path, count.get()));
    return SandboxResponse.json(200, counts);
  }
}
