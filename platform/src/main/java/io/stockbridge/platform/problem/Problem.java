package io.stockbridge.platform.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem document. {@code code} is the stable identifier clients switch on; where a channel
 * defines a numeric code for the same rule (e.g. {@code 40302}) that number is the code.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String code,
    String detail,
    String instance,
    List<FieldError> errors,
    @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Extension members (e.g. {@code lockedUntil}) are written at the top level, as RFC 9457 asks. */
  @JsonAnyGetter
  public Map<String, Object> extensionMembers() {
    return extensions == null ? Map.of() : extensions;
  }
}
