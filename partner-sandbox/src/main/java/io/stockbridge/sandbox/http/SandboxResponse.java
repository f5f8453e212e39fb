package io.stockbridge.sandbox.http;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A status, a JSON body and any extra headers (a redirect's Location). */
public record SandboxResponse(int status, String body, Map<String, String> headers) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public SandboxResponse(int status, String body) {
    this(status, body, Map.of());
  }

  public static SandboxResponse json(int status, Object value) {
    try {
      return new SandboxResponse(status, JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A 302 to {@code location}. */
  public static SandboxResponse redirect(String location) {
    return new SandboxResponse(302, "", Map.of("Location", location));
  }
}
