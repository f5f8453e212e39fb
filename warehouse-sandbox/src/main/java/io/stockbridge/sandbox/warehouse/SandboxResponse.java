package io.stockbridge.sandbox.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A status and a JSON body. */
record SandboxResponse(int status, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static SandboxResponse json(int status, Object value) {
    try {
      return new SandboxResponse(status, JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
