package io.stockbridge.platform.outbox;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.platform.alert.AlertReport;
import io.stockbridge.platform.alert.AlertSource;
import io.stockbridge.platform.alert.AlertSources;

/**
 * A seller's events that a receiver refused for good (or that outlived their retry window) wait as dead letters until
 * replayed; each is told to the seller's alert feed while it waits. Refused alert reports are left out: telling the
 * feed about the feed's own refusal could only go round in a circle.
 */
@ApplicationScoped
public class DeadLetterAlerts implements AlertSources {
  /** The dead letters as alert causes; {@code $2} is the path of alert reports. */
  public static final String DEAD_LETTERS = """
      select seller_id, id::text as cause, null as seller_sku, null as warehouse_id,
        'An event ' || event_type || ' to ' || destination || ' was refused for good'
          || coalesce(' (' || receiver_status || coalesce(' ' || receiver_code, '') || ')', '')
          || '; replay it (POST /v1/dead-letters/' || id || '/replay) once the cause is fixed' as summary,
        jsonb_build_object('deadLetterId', id, 'destination', destination, 'eventType', event_type,
          'receiverStatus', receiver_status, 'receiverCode', receiver_code, 'reason', last_error, 'deadAt', dead_at)
          as details
      from outbox_event where status = 'DEAD' and seller_id is not null and path <> $2::text""";

  /** The source as every service reports it. */
  public static AlertSource source() {
    return new AlertSource("DELIVERY_DEAD_LETTER", DEAD_LETTERS, List.of(AlertReport.PATH));
  }

  @Override
  public List<AlertSource> alertSources(OffsetDateTime now) {
    return List.of(source());
  }
}
