package io.stockbridge.console.shell;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.quarkus.qute.TemplateExtension;

/** Instants as people read them on the pages: to the minute, in UTC, said so (the machine form stays in datetime=). */
@TemplateExtension
public final class TimeFormats {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private TimeFormats() {
  }

  static String utc(OffsetDateTime instant) {
    return instant == null ? "" : MINUTE.format(instant.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** The same for an instant a service sent as text (e.g. an alert's details); the text itself when it is not one. */
  static String utc(String instant) {
    if (instant == null) {
      return "";
    }
    try {
      return utc(OffsetDateTime.parse(instant));
    } catch (DateTimeParseException notAnInstant) {
      return instant;
    }
  }
}
