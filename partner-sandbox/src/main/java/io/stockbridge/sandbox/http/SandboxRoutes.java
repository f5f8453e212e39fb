package io.stockbridge.sandbox.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated API's routing table: a method and a path template ({@code /products/{id}/audit}, each {@code {name}} one
 * path segment) to the handler that answers it, tried in the order they were added. {@code C} is what the API
 * learned before routing (e.g. the shop a verified call acts for) and hands to every handler.
 */
public final class SandboxRoutes<C> {
  /** Answers one request; {@code segments} are the values of the template's {@code {name}} parts, in order. */
  @FunctionalInterface
  public interface Handler<C> {
    SandboxResponse handle(C context, SandboxRequest request, List<String> segments) throws IOException;
  }

  private record Route<C>(String method, Pattern path, Handler<C> handler) {
  }

  private static final Pattern SEGMENT = Pattern.compile("\\{[^/}]+}");

  private final List<Route<C>> routes = new ArrayList<>();

  public SandboxRoutes<C> on(String method, String template, Handler<C> handler) {
    String[] literal = SEGMENT.split(template, -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < literal.length; i++) {
      regex.append(Pattern.quote(literal[i]));
      if (i < literal.length - 1) {
        regex.append("([^/]+)");
      }
    }
    routes.add(new Route<>(method, Pattern.compile(regex.toString()), handler));
    return this;
  }

  /** The answer of the first route that matches the request's method and path; empty when none does. */
  public Optional<SandboxResponse> dispatch(C context, SandboxRequest request, String path) throws IOException {
    for (Route<C> route : routes) {
      Matcher matcher = route.path().matcher(path);
      if (route.method().equals(request.method()) && matcher.matches()) {
        List<String> segments = new ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
          segments.add(matcher.group(i));
        }
        return Optional.of(route.handler().handle(context, request, segments));
      }
    }
    return Optional.empty();
  }
}
