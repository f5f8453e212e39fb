package io.stockbridge.platform.paging;

import io.quarkus.panache.common.Parameters;

/**
 * A Panache query for one page of a list ordered by (createdAt, id): optional filters, then "after the cursor".
 * Entities listed this way have {@code createdAt} and {@code id} fields.
 */
public final class KeysetQuery {
  private final StringBuilder where = new StringBuilder();
  private final Parameters parameters = new Parameters();

  private KeysetQuery() {
  }

  /** Starts with a filter that always applies, e.g. the seller. */
  public static KeysetQuery where(String condition, String name, Object value) {
    return new KeysetQuery().and(condition, name, value);
  }

  /** Starts with no filter (a platform-wide list). */
  public static KeysetQuery all() {
    return new KeysetQuery();
  }

  /** Adds {@code condition} when {@code value} is not null; a null value means "not filtered". */
  public KeysetQuery and(String condition, String name, Object value) {
    if (value != null) {
      append(condition);
      parameters.and(name, value);
    }
    return this;
  }

  public KeysetQuery after(PageCursor cursor) {
    if (cursor != null) {
      append("(createdAt > :cursorAt or (createdAt = :cursorAt and id > :cursorId))");
      parameters.and("cursorAt", cursor.createdAt()).and("cursorId", cursor.id());
    }
    return this;
  }

  public String query() {
    return (where.isEmpty() ? "" : where + " ") + "order by createdAt, id";
  }

  public Parameters parameters() {
    return parameters;
  }

  private void append(String condition) {
    where.append(where.isEmpty() ? "" : " and ").append(condition);
  }
}
