package io.stockbridge.platform.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.stockbridge.platform.security.IdentityProviderOutage;

/**
 * The one place where failures become RFC 9457 problem documents. Every service gets these mappers from the
 * platform jar, so a client sees the same shape and the same stable codes everywhere, and never a stack trace.
 */
public class ProblemExceptionMappers {

  @ServerExceptionMapper
  public Response mapProblem(ProblemException e, UriInfo uri) {
    var problem = new Problem(null, e.title(), e.status(), e.code(), e.getMessage(), path(uri), e.errors(),
        e.extensions());
    var response = respond(problem);
    e.headers().forEach(response::header);
    return response.build();
  }

  @ServerExceptionMapper
  public Response mapConstraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<FieldError> errors = e.getConstraintViolations().stream()
        .map(ProblemExceptionMappers::toFieldError)
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return respond(new Problem(null, "Validation failed", 400, CommonProblem.VALIDATION_FAILED.code(),
        "The request has " + errors.size() + " invalid field(s)", path(uri), errors, null)).build();
  }

  @ServerExceptionMapper({ JsonParseException.class })
  public Response mapMalformedJson(JsonParseException e, UriInfo uri) {
    return badRequest(CommonProblem.MALFORMED_JSON.code(), "The request body is not well-formed JSON: " + e.getOriginalMessage(), uri,
        List.of());
  }

  /** Quarkus ships a mapper for exactly this type; ours must be as specific to take its place. */
  @ServerExceptionMapper
  public Response mapMismatchedInput(MismatchedInputException e, UriInfo uri) {
    return mapUnreadableJson(e, uri);
  }

  @ServerExceptionMapper
  public Response mapUnreadableJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonParseException parse) {
      return mapMalformedJson(parse, uri);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return badRequest(CommonProblem.UNKNOWN_FIELD.code(), "The request has a field this API does not know", uri,
          List.of(new FieldError(fieldPath(unknown), "unknown_field",
              "Unknown field; known fields: " + unknown.getKnownPropertyIds())));
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
      return badRequest(CommonProblem.INVALID_ENUM_VALUE.code(), "A field has a value outside its allowed set", uri,
          List.of(new FieldError(fieldPath(invalid), "invalid_enum_value",
              "'" + invalid.getValue() + "' is not one of: " + allowed)));
    }
    if (e instanceof MismatchedInputException mismatched) {
      String expected = mismatched.getTargetType() == null ? "another type" : mismatched.getTargetType().getSimpleName();
      String field = fieldPath(mismatched);
      if (field.isEmpty()) {
        return badRequest(CommonProblem.MALFORMED_JSON.code(), "The request body does not have the expected shape", uri, List.of());
      }
      return badRequest(CommonProblem.WRONG_TYPE.code(), "A field has the wrong type", uri,
          List.of(new FieldError(field, "wrong_type", "Expected " + expected)));
    }
    return badRequest(CommonProblem.MALFORMED_JSON.code(), "The request body could not be read", uri, List.of());
  }

  /**
   * A unique constraint the database enforced under a race that a service's own check could not see: the
   * request conflicts with data that exists, which is the client's 409, not our 500.
   */
  @ServerExceptionMapper
  public Response mapConstraintBreach(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
    if (!"23505".equals(e.getSQLState())) {
      return mapUnexpected(e, uri);
    }
    return respond(new Problem(null, "Conflict", 409, CommonProblem.ALREADY_EXISTS.code(),
        "Something with the same unique key already exists (" + e.getConstraintName() + ")", path(uri), List.of(),
        null)).build();
  }

  /** Two writers changed the same row at once; the loser retries on fresh data. */
  @ServerExceptionMapper({ org.hibernate.StaleObjectStateException.class,
      jakarta.persistence.OptimisticLockException.class })
  public Response mapConcurrentChange(Exception e, UriInfo uri) {
    return respond(new Problem(null, "Conflict", 409, CommonProblem.CONCURRENT_MODIFICATION.code(),
        "Someone else changed this at the same time; read it again and retry", path(uri), List.of(), null)).build();
  }

  @ServerExceptionMapper
  public Response mapForbidden(ForbiddenException e, UriInfo uri) {
    return respond(new Problem(null, "Forbidden", 403, CommonProblem.FORBIDDEN.code(),
        "Your token does not carry a role allowed to do this", path(uri), List.of(), null)).build();
  }

  @ServerExceptionMapper
  public Response mapDownstream(ClientWebApplicationException e, UriInfo uri) {
    Log.warnf("A downstream call failed with HTTP %d on %s", e.getResponse().getStatus(), path(uri));
    return respond(new Problem(null, "Bad gateway", 502, CommonProblem.UPSTREAM_ERROR.code(),
        "A service this request depends on answered with an error; try again later", path(uri), List.of(),
        null)).build();
  }

  @ServerExceptionMapper
  public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof JsonProcessingException json) {
      return mapUnreadableJson(json, uri);
    }
    var reason = Response.Status.fromStatusCode(status);
    String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
    String code = reason == null ? "HTTP_" + status : reason.name();
    return respond(new Problem(null, title, status, code, title, path(uri), List.of(), null)).build();
  }

  /** The identity provider cannot be reached, so no token can be checked (see {@link IdentityProviderOutage}). */
  @ServerExceptionMapper
  public Response mapIdentityProviderUnavailable(io.quarkus.oidc.OIDCException e, UriInfo uri) {
    Log.warnf("The identity provider could not be reached on %s: %s", path(uri), e.getMessage());
    return respond(IdentityProviderOutage.problem(path(uri)))
        .header("Retry-After", IdentityProviderOutage.RETRY_AFTER).build();
  }

  @ServerExceptionMapper
  public Response mapUnexpected(Throwable e, UriInfo uri) {
    // a JSON failure here is ours (reading stored data, writing a response), never the client's
    String incident = UUID.randomUUID().toString();
    Log.errorf(e, "Unexpected failure, incident %s, on %s", incident, path(uri));
    return respond(new Problem(null, "Internal error", 500, CommonProblem.INTERNAL_ERROR.code(),
        "Something went wrong on our side; quote incident " + incident, path(uri), List.of(),
        Map.of("incident", incident))).build();
  }

  private static Response badRequest(String code, String detail, UriInfo uri, List<FieldError> errors) {
    return respond(new Problem(null, "Bad request", 400, code, detail, path(uri), errors, null)).build();
  }

  private static Response.ResponseBuilder respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getPath();
  }

  static String fieldPath(JsonMappingException e) {
    var path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  static FieldError toFieldError(ConstraintViolation<?> violation) {
    String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return new FieldError(fieldPath(violation.getPropertyPath()), snakeCase(constraint), violation.getMessage());
  }

  /**
   * A violation's path is {@code method.parameter.property[i].property}; clients know neither the method nor
   * the Java parameter of a body, so the path starts after them (a query or path parameter keeps its name).
   */
  static String fieldPath(Path propertyPath) {
    List<Path.Node> nodes = new ArrayList<>();
    propertyPath.forEach(nodes::add);
    int start = 0;
    String parameterName = null;
    for (int i = 0; i < nodes.size(); i++) {
      ElementKind kind = nodes.get(i).getKind();
      if (kind == ElementKind.PARAMETER) {
        parameterName = nodes.get(i).getName();
        start = i + 1;
      } else if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
        start = i + 1;
      }
    }
    var path = new StringBuilder();
    for (int i = start; i < nodes.size(); i++) {
      Path.Node node = nodes.get(i);
      if (node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        path.append('[').append(node.getKey()).append(']');
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(node.getName());
      }
    }
    if (path.isEmpty()) {
      return parameterName == null ? "body" : parameterName;
    }
    return path.toString();
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }
}
