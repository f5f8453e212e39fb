package io.stockbridge.console.shell;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns every error answer of the services into a {@link ServiceProblem}: the problem's own title, detail, code and
 * field errors when the body is problem+json, the bare status otherwise. Never the body as text: it is shown to users.
 */
@Provider
public class ServiceProblemMapper implements ResponseExceptionMapper<ServiceProblem> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public ServiceProblem toThrowable(Response response) {
    int status = response.getStatus();
    JsonNode body = null;
    MediaType type = response.getMediaType();
    if (type != null && type.getSubtype().contains("json") && response.hasEntity()) {
      try {
        body = JSON.readTree(response.readEntity(String.class));
      } catch (Exception unreadable) {
        body = null;
      }
    }
    if (body == null || !body.hasNonNull("title")) {
      return new ServiceProblem(status, "HTTP_" + status, Response.Status.Family.familyOf(status)
          == Response.Status.Family.SERVER_ERROR ? "The service failed to answer" : "The service refused the request",
          "It answered HTTP " + status + ".", List.of());
    }
    List<ServiceProblem.FieldProblem> fields = new ArrayList<>();
    for (JsonNode error : body.path("errors")) {
      fields.add(new ServiceProblem.FieldProblem(error.path("field").asText(""), error.path("message").asText("")));
    }
    return new ServiceProblem(status, body.path("code").asText("HTTP_" + status), body.path("title").asText(),
        body.hasNonNull("detail") ? body.path("detail").asText() : null, fields);
  }
}
