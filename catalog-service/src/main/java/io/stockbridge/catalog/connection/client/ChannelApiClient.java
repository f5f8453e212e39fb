package io.stockbridge.catalog.connection.client;

import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.connection.config.ChannelConfig;
import io.stockbridge.platform.fault.GuardShape;
import io.stockbridge.platform.fault.KeyedGuards;

/**
 * Signed calls to the channel's shop API under a timeout and a circuit breaker per connection
 * ({@link KeyedGuards}): a shop the channel keeps failing on holds back that shop's calls alone, not every seller's. A {@link ChannelRefusal} (a 4xx or
 * a non-zero code: a revoked token, an unauthorised app, a refused product) is the channel's answer, never retried.
 * Creating a product is not retried either: a timed-out create may have happened, and a second would list it twice
 * (publication searches the channel for the product before it creates one).
 */
@ApplicationScoped
public class ChannelApiClient {
  static final String CREATE_PRODUCT = "/product/202309/products";
  static final String SEARCH_PRODUCTS = "/product/202309/products/search";
  static final String UPLOAD_IMAGE = "/product/202309/images/upload";

  /** Calls that are safe to repeat: three tries, each within 10 s. */
  private static final GuardShape REPEATABLE = GuardShape.timeout(Duration.ofSeconds(10))
      .retried(2, Duration.ofMillis(500), Duration.ofMillis(200))
      .breaker(10, 0.5, Duration.ofSeconds(30))
      .answeredBy(ChannelRefusal.class);

  private final ChannelApiRestClient rest;
  private final ChannelConfig config;
  private final ChannelAnswers answers;
  private final ObjectMapper mapper;
  private final KeyedGuards<JsonNode> creates;
  private final KeyedGuards<JsonNode> repeatable = KeyedGuards.of(new TypeLiteral<Uni<JsonNode>>() {
  }, REPEATABLE);

  public ChannelApiClient(@RestClient ChannelApiRestClient rest, ChannelConfig config, ChannelAnswers answers,
      ObjectMapper mapper) {
    this.rest = rest;
    this.mapper = mapper;
    this.config = config;
    this.answers = answers;
    this.creates = KeyedGuards.of(new TypeLiteral<Uni<JsonNode>>() {
    }, REPEATABLE.withTimeout(config.createTimeout()).retried(0, Duration.ZERO, Duration.ZERO));
  }

  /** Each connection (a seller's shop) has guards of its own. */
  private static String key(ChannelCredentials credentials) {
    return credentials.connectionId().toString();
  }

  /** Submits a product; the channel answers with its product and SKU ids, the product then waits in audit. */
  public Uni<JsonNode> createProduct(ChannelCredentials credentials, String body) {
    Signed signed = sign(credentials, CREATE_PRODUCT, body);
    return creates.call(key(credentials), () -> rest
            .createProduct(signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken(), body)
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data));
  }

  /**
   * Uploads a main image (LST-3); the answer's {@code uri} is what a product's {@code main_images} name. Repeating
   * it only leaves an unused image on the channel, so failures are retried.
   */
  public Uni<JsonNode> uploadMainImage(ChannelCredentials credentials, byte[] image) {
    String appKey = config.appKey().orElseThrow(ChannelAuthClient::notConfigured);
    String secret = config.appSecret().orElseThrow(ChannelAuthClient::notConfigured);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String sign = ChannelRequestSigner.sign(secret, UPLOAD_IMAGE, Map.of("app_key", appKey, "timestamp", timestamp),
        "");
    return repeatable.call(key(credentials), () -> rest
            .uploadImage(appKey, timestamp, sign, credentials.accessToken(), ChannelImageUpload.mainImage(image))
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data));
  }

  /** Absolute quantities per SKU and channel warehouse; repeating it is harmless, so failures are retried. */
  public Uni<JsonNode> updateInventory(ChannelCredentials credentials, String productId, String body) {
    Signed signed = sign(credentials, CREATE_PRODUCT + "/" + productId + "/inventory/update", body);
    return repeatable.call(key(credentials), () -> rest
            .updateInventory(productId, signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken(), body)
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data));
  }

  /** Delists ({@code false}) or lists again ({@code true}) a product that passed its audit; repeating is harmless. */
  public Uni<JsonNode> setActive(ChannelCredentials credentials, String productId, boolean active) {
    String action = active ? "activate" : "deactivate";
    String body = "{\"product_ids\":[\"" + productId + "\"]}";
    Signed signed = sign(credentials, CREATE_PRODUCT + "/" + action, body);
    return repeatable.call(key(credentials), () -> rest
            .changeActivation(action, signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken(), body)
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data));
  }

  /** The channel's view of a product: status, audit, and each SKU's quantities per warehouse. */
  public Uni<JsonNode> getProduct(ChannelCredentials credentials, String productId) {
    Signed signed = sign(credentials, CREATE_PRODUCT + "/" + productId, "");
    return repeatable.call(key(credentials), () -> rest
            .getProduct(productId, signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken())
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data));
  }

  /**
   * The shop's products that carry any of the seller SKUs (the channel's product search). Reading is harmless, so
   * failures are retried; publication asks it before creating, so that a create whose answer was lost is found
   * instead of being made twice.
   */
  public Uni<JsonNode> searchProducts(ChannelCredentials credentials, List<String> sellerSkus) {
    String body;
    try {
      body = mapper.writeValueAsString(Map.of("seller_skus", sellerSkus));
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(e);
    }
    Signed signed = sign(credentials, SEARCH_PRODUCTS, body);
    return repeatable.call(key(credentials), () -> rest
            .searchProducts(signed.appKey, signed.timestamp, credentials.shopCipher(), signed.sign,
            credentials.accessToken(), body)
        .onFailure().transform(answers::refusalOrFailure)
        .map(answers::data));
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
