package io.stockbridge.sandbox.channel;

import static io.stockbridge.sandbox.channel.ChannelEnvelope.error;
import static io.stockbridge.sandbox.channel.ChannelEnvelope.ok;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stockbridge.sandbox.http.Faults;
import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;
import io.stockbridge.sandbox.http.SandboxRoutes;

/**
 * The channel's authorisation (CH-1): the seller's consent page, which sends the seller back with a single-use code,
 * and the token calls that turn a code, or a refresh token, into expiring tokens.
 */
final class ChannelOAuthApi {
  private final ChannelState state;
  private final SandboxRoutes<Void> routes = new SandboxRoutes<>();

  ChannelOAuthApi(ChannelState state) {
    this.state = state;
    routes.on("GET", "/oauth/authorize", (none, request, segments) -> authorize(request.parameters()))
        .on("GET", "/api/v2/token/get", (none, request, segments) -> token(false, request.parameters()))
        .on("GET", "/api/v2/token/refresh", (none, request, segments) -> {
          // a slow channel is slow for refreshes too (a refresh may then overlap the seller's own changes)
          Faults.pause(state.faults().delay());
          return token(true, request.parameters());
        });
  }

  /** The answer to an authorisation call; empty for any other request. */
  java.util.Optional<SandboxResponse> handle(SandboxRequest request) throws java.io.IOException {
    return routes.dispatch(null, request, request.path());
  }

  private SandboxResponse authorize(Map<String, String> query) {
    Shop shop = state.shops().get(query.getOrDefault("shop_id", ChannelSandbox.DEFAULT_SHOP));
    String redirect = query.get("redirect_uri");
    if (!state.appKey().equals(query.get("app_key")) || shop == null || redirect == null || redirect.isBlank()) {
      return error(400, 36004004, "unknown app_key or shop, or no redirect_uri");
    }
    String code = state.tokens().issueCode(shop.id());
    String separator = redirect.contains("?") ? "&" : "?";
    return SandboxResponse.redirect(redirect + separator + "code=" + code + "&state="
        + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
  }

  private SandboxResponse token(boolean refresh, Map<String, String> query) {
    if (!state.appKey().equals(query.get("app_key")) || !state.appSecret().equals(query.get("app_secret"))) {
      return error(401, 36004004, "app_key or app_secret is wrong");
    }
    String grantType = query.get("grant_type");
    if (refresh ? !"refresh_token".equals(grantType) : !"authorized_code".equals(grantType)) {
      return error(400, 36004005, "grant_type must be " + (refresh ? "refresh_token" : "authorized_code"));
    }
    TokenIssuer.Tokens issued = refresh ? state.tokens().refresh(query.get("refresh_token"))
        : state.tokens().exchange(query.get("auth_code"));
    if (issued == null) {
      return error(400, 36004006, refresh ? "refresh_token is invalid, expired or revoked"
          : "auth_code is invalid, used or expired");
    }
    Shop shop = state.shops().get(state.tokens().shopOf(issued.accessToken()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("access_token", issued.accessToken());
    data.put("access_token_expire_in", issued.accessTokenExpireIn());
    data.put("refresh_token", issued.refreshToken());
    data.put("refresh_token_expire_in", issued.refreshTokenExpireIn());
    data.put("open_id", "open-" + shop.id());
    data.put("seller_name", shop.sellerName());
    data.put("seller_base_region", shop.region());
    data.put("granted_scopes", List.of("seller.product.basic", "seller.product.write", "seller.order.info"));
    // the sandbox's own addition, so an integration learns which shop it was given without another call
    data.put("shop_id", shop.id());
    data.put("shop_cipher", shop.cipher());
    return ok(data);
  }
}
