package io.stockbridge.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, with the cursor of the next page (absent on the last page).
 */
@Schema(description = "One page of a list; pass nextCursor back as cursor for the next page")
public record Page<T>(List<T> items, @Schema(description = "Absent on the last page") String nextCursor) {

  /**
   * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that a next page exists.
   */
  public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, PageCursor> cursorOf, Function<E, T> view) {
    boolean more = rows.size() > limit;
    List<E> shown = more ? rows.subList(0, limit) : rows;
    String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
    return new Page<>(shown.stream().map(view).toList(), next);
  }
}
