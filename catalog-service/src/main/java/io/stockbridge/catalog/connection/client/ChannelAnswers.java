package io.stockbridge.catalog.connection.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the channel's answers, which all come in one envelope {@code {code, message, request_id, data}}: code 0 is
 * success; anything else, with HTTP 200 or a 4xx, is the channel's refusal.
 */
@ApplicationScoped
public class ChannelAnswers {
  private final ObjectMapper mapper;

  public ChannelAnswers(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The envelope's data, or the {@link ChannelRefusal} it carries. */
  public JsonNode data(String body) {
    JsonNode envelope = parse(body);
    if (envelope.path("code").asInt(-1) != 0) {
      throw new ChannelRefusal(200, envelope.path("code").asInt(), envelope.path("message").asText());
    }
    return envelope.path("data");
  }

  /** A 4xx with the channel's envelope is its refusal; anything else is a failure worth retrying. */
  public Throwable refusalOrFailure(Throwable failure) {
    if (!(failure instanceof WebApplicationException error)) {
      return failure;
    }
    int status = error.getResponse().getStatus();
    if (status >= 400 && status < 500 && status != 429) {
      String body = error.getResponse().hasEntity() ? error.getResponse().readEntity(String.class) : "";
      JsonNode envelope = parse(body);
      return new ChannelRefusal(status, envelope.path("code").asInt(0), envelope.path("message").asText(body));
    }
    return failure;
  }

  private JsonNode parse(String body) {
    try {
      return mapper.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      return mapper.createObjectNode();
    }
  }
}
