package io.stockbridge.platform.alert;

import java.time.OffsetDateTime;
import java.util.List;

/** A feature's alert sources, with their parameters as of {@code now}; every bean of this type is reported. */
public interface AlertSources {
  List<AlertSource> alertSources(OffsetDateTime now);
}
