package io.stockbridge.platform.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The system's clock in UTC, unless something (a test) provides another {@link Clock} bean. */
public class ClockProducer {
  @Produces
  @Singleton
  @DefaultBean
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
