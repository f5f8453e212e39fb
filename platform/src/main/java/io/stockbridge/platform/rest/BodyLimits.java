package io.stockbridge.platform.rest;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Holds each route to its body limit before a byte of the body is read, and before authentication: a declared
 * length above the limit is 413 at once, and a body of undeclared length (chunked) on a limited route is 411, since
 * its size could only be learnt by reading it. Nobody can make a service buffer megabytes on a route meant for
 * kilobytes.
 */
@ApplicationScoped
public class BodyLimits {
  /** One route's limit. */
  private record Limit(String[] pattern, long bytes, String code) {
  }

  private final List<Limit> limits;

  public BodyLimits(BodyLimitConfig config) {
    this.limits = config.bodyLimits().entrySet().stream()
        .map(e -> new Limit(segments(e.getKey()), e.getValue(),
            config.bodyLimitCodes().getOrDefault(e.getKey(), "PAYLOAD_TOO_LARGE")))
        .toList();
  }

  @ServerRequestFilter(preMatching = true)
  public void limit(ContainerRequestContext request) {
    if (limits.isEmpty()) {
      return;
    }
    Limit route = limitOf(segments(request.getUriInfo().getPath()));
    if (route == null) {
      return;
    }
    long limit = route.bytes();
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared == null) {
      if (request.getHeaderString("Transfer-Encoding") != null) {
        throw new ProblemException(411, "LENGTH_REQUIRED", "Length required",
            "This route takes bodies of at most " + limit + " bytes, with a Content-Length");
      }
      return;
    }
    long length;
    try {
      length = Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest("INVALID_CONTENT_LENGTH", "Content-Length is not a number",
          List.of(new FieldError("Content-Length", "invalid", "a number of bytes")));
    }
    if (length > limit) {
      throw new ProblemException(413, route.code(), "Payload too large",
          "This route takes bodies of at most " + limit + " bytes; this one declares " + length);
    }
  }

  private Limit limitOf(String[] path) {
    for (Limit limit : limits) {
      if (matches(limit.pattern(), path)) {
        return limit;
      }
    }
    return null;
  }

  private static boolean matches(String[] pattern, String[] path) {
    if (path.length < pattern.length) {
      return false;
    }
    for (int i = 0; i < pattern.length; i++) {
      if (!pattern[i].equals("*") && !pattern[i].equals(path[i])) {
        return false;
      }
    }
    return true;
  }

  private static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }
}
