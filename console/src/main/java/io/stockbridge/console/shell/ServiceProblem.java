package io.stockbridge.console.shell;

import java.util.List;

/**
 * A service refused or failed a call: its problem+json (title, detail, stable code, field errors) as the console shows
 * it, or, when the service could not be reached or answered something else, a plain account of that.
 */
public class ServiceProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One field the service named, and what is wrong with it. */
  public record FieldProblem(String field, String message) {
  }

  private final int status;
  private final String code;
  private final String title;
  private final String detail;
  private final transient List<FieldProblem> fields;

  public ServiceProblem(int status, String code, String title, String detail, List<FieldProblem> fields) {
    super(title + (detail == null ? "" : ": " + detail), null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** The service could not be asked at all (refused connection, timeout): the page says which part is missing. */
  public static ServiceProblem unreachable(String what) {
    return new ServiceProblem(503, "SERVICE_UNAVAILABLE", what + " cannot be reached just now",
        "The rest of the page is current; try again in a moment.", List.of());
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

  public String detail() {
    return detail;
  }

  public List<FieldProblem> fields() {
    return fields;
  }

  /** Whether the session's token is no longer accepted: the user must sign in again. */
  public boolean signInAgain() {
    return status == 401;
  }
}
