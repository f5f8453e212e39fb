package io.stockbridge.sandbox.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.stockbridge.sandbox.http.SandboxResponse;

/** The channel's answer envelope: {@code {code, message, request_id, data}}, code 0 for success. */
final class ChannelEnvelope {
  private ChannelEnvelope() {
  }

  static SandboxResponse ok(Object data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("code", 0);
    envelope.put("message", "Success");
    envelope.put("request_id", UUID.randomUUID().toString());
    envelope.put("data", data);
    return SandboxResponse.json(200, envelope);
  }

  static SandboxResponse error(int status, int code, String message) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("code", code);
    envelope.put("message", message);
    envelope.put("request_id", UUID.randomUUID().toString());
    return SandboxResponse.json(status, envelope);
  }
}
