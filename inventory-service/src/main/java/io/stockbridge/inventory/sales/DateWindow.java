package io.stockbridge.inventory.sales;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/** A window of whole days (UTC), both ends included, as a report asks for it. */
public record DateWindow(LocalDate from, LocalDate to) {
  /** The longest window a report covers. */
  public static final int MAX_DAYS = 366;

  /**
   * The window {@code from}..{@code to} (ISO dates); a missing end is today, a missing start the {@code defaultDays}
   * up to the end. An unreadable date, a start after the end or more than {@link #MAX_DAYS} days is a 400 naming
   * the field.
   */
  public static DateWindow parse(String from, String to, LocalDate today, int defaultDays) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate end = date("to", to, errors);
    LocalDate start = date("from", from, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Unreadable date", errors);
    }
    end = end == null ? today : end;
    start = start == null ? end.minusDays(defaultDays - 1L) : start;
    if (start.isAfter(end)) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The window ends before it starts",
          List.of(new FieldError("from", "after_to", "on or before " + end)));
    }
    if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The window is longer than a year",
          List.of(new FieldError("from", "window_too_long", "at most " + MAX_DAYS + " days before to")));
    }
    return new DateWindow(start, end);
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  private static LocalDate date(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "invalid_date", "a date as YYYY-MM-DD"));
      return null;
    }
  }
}
