package io.stockbridge.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The clock every service runs on in its tests: the system's, until a test moves it forward to see what time does
 * (windows passing, locks ending, deadlines missed) instead of rewriting timestamps in SQL. A test that moves it
 * puts it back with {@link #reset()}. Only the suite's own notion of now moves; token expiry, signature windows and
 * PostgreSQL's {@code now()} keep the real time.
 */
@Singleton
public class SettableClock extends Clock {
  private volatile Duration offset = Duration.ZERO;

  /** Moves the clock forward (or back, with a negative duration). */
  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  /** The system's time again. */
  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
