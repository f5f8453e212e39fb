package io.stockbridge.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Values from native query rows, whose Java types depend on the driver's mapping.
 */
public final class SqlValues {
  private SqlValues() {
  }

  public static OffsetDateTime timestamp(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset;
    }
    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof java.time.LocalDateTime local) {
      return local.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
  }
}
