package io.stockbridge.catalog.connection.client;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.connection.config.ChannelConfig;
import io.stockbridge.platform.fault.GuardShape;
import io.stockbridge.platform.fault.KeyedGuards;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Exchanges authorisation codes and refreshes tokens at the channel (rule CH-1), under a timeout, retries for
 * failures of the channel itself and a circuit breaker per connection, so one shop's failures never hold back another
 * seller's. A refusal ({@link ChannelRefusal}) is an answer: it is not retried and does not open the breaker.
 */
@ApplicationScoped
public class ChannelAuthClient {
  private final ChannelAuthRestClient rest;
  private final ChannelConfig config;
  private final ChannelAnswers answers;
  private final KeyedGuards<ChannelTokens> guards = KeyedGuards.of(new TypeLiteral<Uni<ChannelTokens>>() {
  }, GuardShape.timeout(Duration.ofSeconds(10)).retried(2, Duration.ofMillis(500), Duration.ZERO)
      .breaker(10, 0.5, Duration.ofSeconds(30)).answeredBy(ChannelRefusal.class));

  public ChannelAuthClient(@RestClient ChannelAuthRestClient rest, ChannelConfig config, ChannelAnswers answers) {
    this.rest = rest;
    this.config = config;
    this.answers = answers;
  }

  /** The tokens for the code the channel sent back to the connection's callback. */
  public Uni<ChannelTokens> exchange(UUID connectionId, String code) {
    return guards.call(connectionId.toString(), () -> rest.exchange(appKey(), appSecret(), code, "authorized_code")
        .onFailure().transform(answers::refusalOrFailure)
        .map(this::tokens));
  }

  /** New tokens for the connection's refresh token. */
  public Uni<ChannelTokens> refresh(UUID connectionId, String refreshToken) {
    return guards.call(connectionId.toString(), () -> rest.refresh(appKey(), appSecret(), refreshToken,
            "refresh_token")
        .onFailure().transform(answers::refusalOrFailure)
        .map(this::tokens));
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
    return new ProblemException(503, CatalogProblem.CHANNEL_APP_NOT_CONFIGURED, "Service unavailable",
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
