package io.stockbridge.catalog.connection.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

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
  private final ChannelAnswers answers;

  public ChannelAuthClient(@RestClient ChannelAuthRestClient rest, ChannelConfig config, ChannelAnswers answers) {
    this.rest = rest;
    this.config = config;
    this.answers = answers;
  }

  @Timeout(value = 10, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 500, abortOn = ChannelRefusal.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ChannelRefusal.class)
  public Uni<ChannelTokens> exchange(String code) {
    return rest.exchange(appKey(), appSecret(), code, "authorized_code")
        .onFailure().transform(answers::refusalOrFailure)
        .map(this::tokens);
  }

  @Timeout(value = 10, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 500, abortOn = ChannelRefusal.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ChannelRefusal.class)
  public Uni<ChannelTokens> refresh(String refreshToken) {
    return rest.refresh(appKey(), appSecret(), refreshToken, "refresh_token")
        .onFailure().transform(answers::refusalOrFailure)
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

  private ChannelTokens tokens(String body) {
    JsonNode data = answers.data(body);
    return new ChannelTokens(data.path("access_token").asText(), at(data.path("access_token_expire_in").asLong()),
        data.path("refresh_token").asText(), at(data.path("refresh_token_expire_in").asLong()),
        data.path("open_id").asText(null), data.path("shop_id").asText(null), data.path("shop_cipher").asText(null),
        data.path("seller_name").asText(null), data.path("granted_scopes").toString());
  }

  /** The channel gives absolute Unix times, not durations. */
  private static OffsetDateTime at(long epochSeconds) {
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }
}
