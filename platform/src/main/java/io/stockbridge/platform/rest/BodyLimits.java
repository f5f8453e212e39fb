package io.stockbridge.platform.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.Problem;
import io.stockbridge.platform.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Holds each route to its body limit, before authentication: a declared length above the limit is 413 before a byte
 * of the body is read; a body of undeclared length (chunked over HTTP/1.1, or simply unannounced over HTTP/2) is
 * counted while it is read and refused with 413 the moment it passes the limit. Nobody can make a service buffer
 * megabytes on a route meant for kilobytes.
 */
@ApplicationScoped
public class BodyLimits {
  /** One route's limit, and the reader that holds a body of undeclared length to it. */
  private record Limit(String[] pattern, long bytes, String code, BodyHandler reader) {
    Limit(String[] pattern, long bytes, String code) {
      this(pattern, bytes, code, BodyHandler.create(false).setBodyLimit(bytes).setPreallocateBodyBuffer(false));
    }
  }

  /** Where the request body reader looks for the most bytes it may read (Quarkus' own server-wide limit uses it). */
  static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

  /** The limit a request's body is being read under, kept on the request for its failure handler. */
  private static final String LIMITED = BodyLimits.class.getName();

  private final List<Limit> limits;

  public BodyLimits(BodyLimitConfig config) {
    this.limits = config.bodyLimits().entrySet().stream()
        .map(e -> new Limit(segments(e.getKey()), e.getValue(),
            config.bodyLimitCodes().getOrDefault(e.getKey(), CommonProblem.PAYLOAD_TOO_LARGE.code())))
        .toList();
  }

  /**
   * Reads a body of undeclared length on a limited route before anything else sees it, counting as it goes; the
   * request goes on with the body read, or ends in a 413 problem at the limit. A multipart body is left to the
   * reader's own count (a bare 413), since reading it here would take it apart as a form.
   */
  void readUndeclaredBodies(@Observes Router router) {
    if (limits.isEmpty()) {
      return;
    }
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(routing -> {
      HttpServerRequest request = routing.request();
      String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
      Limit route = request.headers().contains(HttpHeaders.CONTENT_LENGTH)
          || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) ? null
          : limitOf(segments(request.path()));
      if (route == null || request.isEnded()) {
        routing.next();
        return;
      }
      routing.put(LIMITED, route);
      route.reader().handle(routing);
    }).failureHandler(routing -> {
      Limit route = routing.get(LIMITED);
      if (route == null || routing.statusCode() != 413 || routing.response().headWritten()) {
        routing.next();
        return;
      }
      if (routing.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
        // the rest of the body is not read: the connection cannot carry another request (HTTP/2 resets the stream)
        routing.response().putHeader("Connection", "close");
      }
      routing.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
          .end(Json.encode(new Problem(null, "Payload too large", 413, route.code(),
              "This route takes bodies of at most " + route.bytes() + " bytes", routing.request().path(), List.of(),
              null)));
    });
  }

  @ServerRequestFilter(preMatching = true)
  public void limit(ContainerRequestContext request, RoutingContext routing) {
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
      // undeclared length: any other body was already read under the route's limit (readUndeclaredBodies); a
      // multipart one is counted by the reader, cut off at the route's limit instead of the server's
      routing.put(MAX_REQUEST_SIZE, limit);
      return;
    }
    long length;
    try {
      length = Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(CommonProblem.INVALID_CONTENT_LENGTH, "Content-Length is not a number",
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
