package io.stockbridge.platform.time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The current time for the whole suite, in UTC and to the microsecond (what PostgreSQL keeps, so a time written and
 * read back compares equal). Every service asks this one bean, never the system clock, so that a test can set the
 * time (a settable {@link Clock} in place of the system's) instead of rewriting timestamps in SQL.
 */
@ApplicationScoped
public class SuiteClock {
  private final Clock clock;

  public SuiteClock(Clock clock) {
    this.clock = clock;
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
