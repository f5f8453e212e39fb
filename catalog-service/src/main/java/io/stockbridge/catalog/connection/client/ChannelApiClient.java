package io.stockbridge.catalog.connection.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.connection.config.ChannelConfig;

/**
 * Signed calls to the channel's shop API under a timeout and a circuit breaker. A {@link ChannelRefusal} (a 4xx or
 * a non-zero code: a revoked token, an unauthorised app, a refused product) is the channel's answer, never retried.
 * Creating a product is not retried either: a timed-out create may have happened, and a second would list it twice
 * (publication searches the channel for the product before it creates one).
 */
@ApplicationScoped
public class ChannelApiClient {
  static final String CREATE_PRODUCT = "/product/202309/products";
  static final String SEARCH_PRODUCTS = "/product/202309/products/search";

  private final ChannelApiRestClient rest;
  private final ChannelConfig config;
  private final ChannelAnswers answers;
  private final ObjectMapper mapper;

  public ChannelApiClient(@RestClient ChannelApiRestClient rest, ChannelConfig config, ChannelAnswers answers,
      ObjectMapper mapper) {
    this.rest = rest;
    this.mapper = mapper;
    this.config = config;
    this.answers = answers;
  }

  /** Submits a product; the channel answers with its product and SKU ids, the product then waits in audit. */
  @Timeout(value = 15, unit = ChronoUnit.SECONDS)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ChannelRefusal.class)
  public Uni<JsonNode> createProduct(ChannelCredentials credentials, String body) {
    Signed signed = sign(credentials, CREATE_PRODUCT, body);
    return rest.createProduct(signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken(), body)
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data);
  }

  /** Absolute quantities per SKU and channel warehouse; repeating it is harmless, so failures are retried. */
  @Timeout(value = 10, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 500, jitter = 200, abortOn = ChannelRefusal.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ChannelRefusal.class)
  public Uni<JsonNode> updateInventory(ChannelCredentials credentials, String productId, String body) {
    Signed signed = sign(credentials, CREATE_PRODUCT + "/" + productId + "/inventory/update", body);
    return rest.updateInventory(productId, signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken(), body)
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data);
  }

  /** Delists ({@code false}) or lists again ({@code true}) a product that passed its audit; repeating is harmless. */
  @Timeout(value = 10, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 500, jitter = 200, abortOn = ChannelRefusal.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ChannelRefusal.class)
  public Uni<JsonNode> setActive(ChannelCredentials credentials, String productId, boolean active) {
    String action = active ? "activate" : "deactivate";
    String body = "{\"product_ids\":[\"" + productId + "\"]}";
    Signed signed = sign(credentials, CREATE_PRODUCT + "/" + action, body);
    return rest.changeActivation(action, signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken(), body)
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data);
  }

  /** The channel's view of a product: status, audit, and each SKU's quantities per warehouse. */
  @Timeout(value = 10, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 500, jitter = 200, abortOn = ChannelRefusal.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ChannelRefusal.class)
  public Uni<JsonNode> getProduct(ChannelCredentials credentials, String productId) {
    Signed signed = sign(credentials, CREATE_PRODUCT + "/" + productId, "");
    return rest.getProduct(productId, signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken())
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data);
  }

  /**
   * The shop's products that carry any of the seller SKUs (the channel's product search). Reading is harmless, so
   * failures are retried; publication asks it before creating, so that a create whose answer was lost is found
   * instead of being made twice.
   */
  @Timeout(value = 10, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 500, jitter = 200, abortOn = ChannelRefusal.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ChannelRefusal.class)
  public Uni<JsonNode> searchProducts(ChannelCredentials credentials, List<String> sellerSkus) {
    String body;
    try {
      body = mapper.writeValueAsString(Map.of("seller_skus", sellerSkus));
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(e);
    }
    Signed signed = sign(credentials, SEARCH_PRODUCTS, body);
    return rest.searchProducts(signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken(), body)
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data);
  }

  private Signed sign(ChannelCredentials credentials, String path, String body) {
    String appKey = config.appKey().orElseThrow(ChannelAuthClient::notConfigured);
    String secret = config.appSecret().orElseThrow(ChannelAuthClient::notConfigured);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String sign = ChannelRequestSigner.sign(secret, path, Map.of("app_key", appKey, "timestamp", timestamp,
        "shop_cipher", credentials.shopCipher()), body);
    return new Signed(appKey, timestamp, sign);
  }

  private record Signed(String appKey, String timestamp, String sign) {
  }
}
