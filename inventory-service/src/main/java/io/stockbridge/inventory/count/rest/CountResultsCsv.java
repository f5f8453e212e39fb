package io.stockbridge.inventory.count.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.stockbridge.inventory.count.CountResults;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/** Count results as a warehouse exports them: {@code sellerSku,counted} per line, a header line allowed. */
final class CountResultsCsv {
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int MOST_LINES = 10_000;

  private CountResultsCsv() {
  }

  static CountResults parse(String csv) {
    List<CountResults.Line> lines = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    String[] rows = csv == null ? new String[0] : csv.split("\r?\n");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty() || i == 0 && row.toLowerCase().startsWith("sellersku")) {
        continue;
      }
      String[] cells = row.split(",", -1);
      String field = "line " + (i + 1);
      if (cells.length != 2 || !SKU.matcher(cells[0].strip()).matches() || !cells[1].strip().matches("\\d{1,10}")) {
        errors.add(new FieldError(field, "malformed", "expected sellerSku,counted (a whole number)"));
        continue;
      }
      lines.add(new CountResults.Line(cells[0].strip(), Long.parseLong(cells[1].strip())));
    }
    if (lines.isEmpty() && errors.isEmpty()) {
      errors.add(new FieldError("body", "empty", "no sellerSku,counted line"));
    }
    if (lines.size() > MOST_LINES) {
      errors.add(new FieldError("body", "too_many_lines", "at most " + MOST_LINES + " lines"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The count results file is not valid; "
          + "nothing was recorded", errors);
    }
    return new CountResults(lines);
  }
}
