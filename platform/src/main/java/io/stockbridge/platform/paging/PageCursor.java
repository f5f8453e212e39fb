package io.stockbridge.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * An opaque list position: the sort key (creation time, id) of the last item a page returned. Clients pass it back
 * as {@code cursor}; a list sorted by this key never skips or repeats an item when rows are added meanwhile.
 */
public record PageCursor(OffsetDateTime createdAt, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** @return null for a null or empty cursor (the first page); a 400 problem for a cursor we did not issue */
  public static PageCursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
      return new PageCursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
      throw invalid();
    }
  }

  /** The refusal of a cursor this API did not issue, for lists with cursors of their own shape too. */
  public static ProblemException invalid() {
    return ProblemException.badRequest(CommonProblem.INVALID_CURSOR, "The cursor is not one this API returned",
        List.of(new FieldError("cursor", "invalid", "pass back the nextCursor of the previous page")));
  }
}
