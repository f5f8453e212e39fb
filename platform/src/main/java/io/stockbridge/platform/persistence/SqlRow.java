package io.stockbridge.platform.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Tuple;

/**
 * One row of a native query, read by column name, with the driver's Java types turned into the ones the code uses
 * (a {@code bigint} may arrive as any {@link Number}, a {@code timestamptz} as several time types). Repositories read
 * rows through this and hand out typed records, never positional arrays.
 */
public record SqlRow(Tuple tuple) {
  /** The rows of a native query run with {@code Tuple.class} as its result type. */
  public static List<SqlRow> of(List<Tuple> tuples) {
    return tuples.stream().map(SqlRow::new).toList();
  }

  public String text(String column) {
    Object value = tuple.get(column);
    return value == null ? null : value.toString();
  }

  public UUID uuid(String column) {
    Object value = tuple.get(column);
    return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
  }

  /** A whole number; 0 for SQL null (the columns read this way are not null, or counts). */
  public long number(String column) {
    Object value = tuple.get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** A whole number that may be SQL null. */
  public Long nullableNumber(String column) {
    Object value = tuple.get(column);
    return value == null ? null : ((Number) value).longValue();
  }

  public int integer(String column) {
    return Math.toIntExact(number(column));
  }

  public boolean flag(String column) {
    return Boolean.TRUE.equals(tuple.get(column));
  }

  public OffsetDateTime timestamp(String column) {
    return SqlValues.timestamp(tuple.get(column));
  }

  /** A value the driver already gives in the wanted type (e.g. a {@code text[]} as {@code String[]}). */
  public <T> T value(String column, Class<T> type) {
    return type.cast(tuple.get(column));
  }
}
