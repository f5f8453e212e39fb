package io.stockbridge.catalog.connection.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.connection.config.ChannelConfig;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Exchanges authorisation codes and refreshes tokens at the channel (rule CH-1), under a timeout, retries for
 * failures of the channel itself and a circuit breaker. A refusal ({@link ChannelRefusal}) is an answer: it is not
 * retried and does not open the breaker.
 */
@ApplicationScoped
public class ChannelAuthClient {
  private final ChannelAuthRestClient rest;
  private final ChannelConfig config;
  private final ObjectMapper mapper;

  public ChannelAuthClient(@RestClient ChannelAuthRestClient rest, ChannelConfig config, ObjectMapper mapper) {
    this.rest = rest;
    this.config = config;
    this.mapper = mapper;
  }

  @Timeout(value = 10, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 500, abortOn = ChannelRefusal.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ChannelRefusal.class)
  public Uni<ChannelTokens> exchange(String code) {
    return rest.exchange(appKey(), appSecret(), code, "authorized_code")
        .onFailure(WebApplicationException.class).transform(this::refusalOrFailure)
        .map(this::tokens);
  }

  @Timeout(value = 10, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 500, abortOn = ChannelRefusal.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ChannelRefusal.class)
  public Uni<ChannelTokens> refresh(String refreshToken) {
    return rest.refresh(appKey(), appSecret(), refreshToken, "refresh_token")
        .onFailure(WebApplicationException.class).transform(this::refusalOrFailure)
        .map(this::tokens);
  }

  /** Whether an app is configured at all; without one no connection can be made. */
  public boolean configured() {
    return config.appKey().isPresent() && config.appSecret().isPresent();
  }

  private String appKey() {
    return config.appKey().orElseThrow(ChannelAuthClient::notConfigured);
  }

  private String appSecret() {
    return config.appSecret().orElseThrow(ChannelAuthClient::notConfigured);
  }

  /** The refusal when no channel app is configured. */
  public static ProblemException notConfigured() {
    return new ProblemException(503, "CHANNEL_APP_NOT_CONFIGURED", "Service unavailable",
        "No channel app is configured (stockbridge.catalog.channel.app-key and app-secret)");
  }

  /** A 4xx with the channel's envelope is its refusal; anything else is a failure worth retrying. */
  private Throwable refusalOrFailure(Throwable failure) {
    WebApplicationException error = (WebApplicationException) failure;
    int status = error.getResponse().getStatus();
    if (status >= 400 && status < 500) {
      String body = error.getResponse().hasEntity() ? error.getResponse().readEntity(String.class) : "";
      JsonNode envelope = parse(body);
      return new ChannelRefusal(status, envelope.path("code").asInt(0), envelope.path("message").asText(body));
    }
    return failure;
  }

  private ChannelTokens tokens(String body) {
    JsonNode envelope = parse(body);
    if (envelope.path("code").asInt(-1) != 0) {
      // the channel also says no with HTTP 200 and a non-zero code
      throw new ChannelRefusal(200, envelope.path("code").asInt(), envelope.path("message").asText());
    }
    JsonNode data = envelope.path("data");
    return new ChannelTokens(data.path("access_token").asText(), at(data.path("access_token_expire_in").asLong()),
        data.path("refresh_token").asText(), at(data.path("refresh_token_expire_in").asLong()),
        data.path("open_id").asText(null), data.path("shop_id").asText(null), data.path("shop_cipher").asText(null),
        data.path("seller_name").asText(null), data.path("granted_scopes").toString());
  }

  private JsonNode parse(String body) {
    try {
      return mapper.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      return mapper.createObjectNode();
    }
  }

  /** The channel gives absolute Unix times, not durations. */
  private static OffsetDateTime at(long epochSeconds) {
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }
}
