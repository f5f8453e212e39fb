package io.stockbridge.sandbox.channel;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.stockbridge.sandbox.http.Faults;
import io.stockbridge.sandbox.http.SandboxHttpServer;
import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;

/**
 * A simulated sales channel in the manner of TikTok Shop (its shapes: partner-sandbox/README.md): OAuth authorisation with expiring
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
 *   PUT  /sandbox/channel/settings        {webhookUrl, accessTokenSeconds, refreshTokenSeconds, autoAudit: PASSED|REJECTED,
 *                                         autoAuditDelayMillis: 200 by default; 0 sends the result before the create's answer}
 *   POST /sandbox/channel/shops/{id}/revoke            the seller removes the app: its tokens answer 401
 *   POST /sandbox/channel/shops/{id}/expire-tokens     its access tokens expire now
 *   POST /sandbox/channel/shops/{id}/deauthorize       the seller removes the app: 401s and SELLER_DEAUTHORIZATION
 *   POST /sandbox/channel/shops/{id}/authorization-expiry {"days": 5}: UPCOMING_AUTHORIZATION_EXPIRATION
 *   POST /sandbox/channel/shops/{id}/app-authorization {"authorized": false} -> 403 code 40302 UNAUTHORIZED_CHANNEL
 *   POST /sandbox/channel/products/{id}/audit          {"result": "PASSED|REJECTED", "reasons": [...]} + webhook
 *   GET  /sandbox/channel/products/{id}                state, quantities, inventory update calls
 *   GET  /sandbox/channel/products/{id}/inventory-updates  every accepted quantity with its acceptance time
 *   POST /sandbox/channel/products/{id}/inventory      {skuId, warehouseId, quantity}: the channel's count drifts
 *   POST /sandbox/channel/products/{id}/status         {"status": "FREEZE"}: the platform freezes (or restores) it
 *   POST /sandbox/channel/orders                       {shopId, orderId, status, lines: [{skuId, sellerSku, quantity}],
 *                                                       currency, totalAmount} -> ORDER_STATUS_UPDATE
 *   POST /sandbox/channel/packages                     {shopId, packageId, orderId, status, lines} -> PACKAGE_UPDATE
 *   POST /sandbox/channel/returns                      {shopId, returnId, orderId, status, type, warehouseId, lines}
 *                                                       -> RETURN_STATUS_UPDATE
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

  private final ChannelState state;
  private final ChannelOAuthApi oauth;
  private final ChannelProductApi productApi;
  private final ChannelControlApi control;
  private SandboxHttpServer server;

  public ChannelSandbox(String appKey, String appSecret) {
    this.state = new ChannelState(appKey, appSecret, new ConcurrentHashMap<>(), new TokenIssuer(),
        new ChannelProducts(), new ChannelWebhooks(appKey, appSecret), new Faults(), new ConcurrentSkipListMap<>(),
        new AtomicReference<>(), new java.util.concurrent.atomic.AtomicLong(200));
    this.oauth = new ChannelOAuthApi(state);
    this.productApi = new ChannelProductApi(state);
    this.control = new ChannelControlApi(state, productApi);
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
    state.shops().put(shop.id(), shop);
  }

  public Shop shop(String id) {
    return state.shops().get(id);
  }

  public TokenIssuer tokens() {
    return state.tokens();
  }

  public ChannelProducts products() {
    return state.products();
  }

  public ChannelWebhooks webhooks() {
    return state.webhooks();
  }

  public Faults faults() {
    return state.faults();
  }

  /** How many API calls reached {@code path} (e.g. a product's inventory update). */
  public int calls(String path) {
    AtomicInteger count = state.calls().get(path);
    return count == null ? 0 : count.get();
  }

  /** Decides every new product's audit at once (PASSED or REJECTED), or leaves it to the control API (null). */
  public void autoAudit(String result) {
    state.autoAudit().set(result);
  }

  /** How long after a create its automatic audit result is sent; 0 sends it before the create is answered. */
  public void autoAuditDelay(java.time.Duration delay) {
    state.autoAuditDelayMillis().set(delay.toMillis());
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  /** The control API; otherwise, every call counted, the authorisation calls, then the signed shop API. */
  private SandboxResponse route(SandboxRequest request) {
    try {
      if (request.path().startsWith(ChannelControlApi.PREFIX + "/")) {
        return control.handle(request);
      }
      state.calls().computeIfAbsent(request.path(), key -> new AtomicInteger()).incrementAndGet();
      java.util.Optional<SandboxResponse> authorisation = oauth.handle(request);
      return authorisation.isPresent() ? authorisation.get() : productApi.handle(request);
    } catch (IOException | IllegalArgumentException e) {
      return ChannelEnvelope.error(400, 36009003, "invalid request: " + e.getMessage());
    }
  }
}
