package io.stockbridge.platform.security;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.oidc.OIDCException;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * When the identity provider cannot be reached, no token can be checked; the request may well succeed shortly, and
 * the failure is not ours to report as an internal error. Every such request is answered 503 with a problem and
 * {@code Retry-After}, whether the token check failed in the HTTP layer (before any resource) or inside one.
 */
@ApplicationScoped
public class IdentityProviderOutage {
  /** The problem a caller gets while tokens cannot be checked. */
  public static Problem problem(String path) {
    return new Problem(null, "Service unavailable", 503, CommonProblem.IDENTITY_PROVIDER_UNAVAILABLE.code(),
        "Tokens cannot be checked right now; try again shortly", path, List.of(), Map.of("retryable", true));
  }

  /** Seconds a caller should wait before trying again. */
  public static final String RETRY_AFTER = "5";

  void answerOutages(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
  }

  private void answer(RoutingContext routing) {
    if (!causedByOutage(routing.failure()) || routing.response().headWritten()) {
      routing.next();
      return;
    }
    Log.warnf("The identity provider could not be reached on %s: %s", routing.request().path(),
        routing.failure().getMessage());
    routing.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Retry-After", RETRY_AFTER).end(Json.encode(problem(routing.request().path())));
  }

  private static boolean causedByOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OIDCException) {
        return true;
      }
    }
    return false;
  }
}
