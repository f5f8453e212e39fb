package io.stockbridge.platform.alert;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What a service tells inventory-service's alert feed: a cause raised (again, with its latest figures) or cleared,
 * as of {@code observedAt} by the service named {@code raisedBy}; the feed ignores a report older than the last it
 * applied for the cause.
 */
public record AlertReport(String type, String cause, State state, String sellerSku, String warehouseId,
    String summary, Map<String, Object> details, OffsetDateTime observedAt, String raisedBy) {

  public enum State {
    RAISED, CLEARED
  }

  /** Where inventory-service takes reports. */
  public static final String PATH = "/internal/v1/alerts";
}
