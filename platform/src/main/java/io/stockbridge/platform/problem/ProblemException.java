package io.stockbridge.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business refusal that reaches the client as a problem document. Thrown from services; mapped once, in
 * {@link ProblemExceptionMappers}.
 */
public class ProblemException extends RuntimeException {
  /** The problem member that marks a refusal as one that may succeed later. */
  public static final String RETRYABLE = "retryable";
  private final int status;
  private final String code;
  private final String title;
  private final List<FieldError> errors;
  private final Map<String, Object> extensions = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ProblemException(int status, String code, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public ProblemException(int status, String code, String title, String detail) {
    this(status, code, title, detail, List.of());
  }

  public ProblemException(int status, ProblemCode code, String title, String detail, List<FieldError> errors) {
    this(status, code.code(), title, detail, errors);
  }

  public ProblemException(int status, ProblemCode code, String title, String detail) {
    this(status, code.code(), title, detail, List.of());
  }

  public static ProblemException notFound(String what, String id) {
    return new ProblemException(404, CommonProblem.NOT_FOUND, "Not found", what + " '" + id + "' does not exist");
  }

  public static ProblemException conflict(ProblemCode code, String detail) {
    return new ProblemException(409, code, "Conflict", detail);
  }

  public static ProblemException badRequest(ProblemCode code, String detail, List<FieldError> errors) {
    return new ProblemException(400, code, "Bad request", detail, errors);
  }

  public static ProblemException forbidden(ProblemCode code, String detail) {
    return new ProblemException(403, code, "Forbidden", detail);
  }

  /**
   * A refusal that may succeed later ("I do not know this SKU yet"): marked {@code "retryable": true}, so that an
   * outbox sending it keeps retrying for its retry window instead of taking the refusal as final.
   */
  public ProblemException notYet() {
    return with(RETRYABLE, true);
  }

  /** Whether the refusal may succeed later (see {@link #notYet()}). */
  public boolean retryable() {
    return Boolean.TRUE.equals(extensions.get(RETRYABLE));
  }

  /** Adds a top-level extension member such as {@code lockedUntil}. */
  public ProblemException with(String member, Object value) {
    extensions.put(member, value);
    return this;
  }

  /** Adds a response header such as {@code Retry-After}. */
  public ProblemException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
