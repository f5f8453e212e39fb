package io.stockbridge.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request as the simulated APIs see it. */
public record SandboxRequest(String method, String path, String query, Map<String, String> headers, String body,
    byte[] raw) {

  public SandboxRequest(String method, String path, String query, Map<String, String> headers, String body) {
    this(method, path, query, headers, body, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  public String header(String name) {
    return headers.get(name.toLowerCase());
  }

  /** The query parameters, decoded; the last value wins. */
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.put(key, value);
    }
    return parameters;
  }
}
