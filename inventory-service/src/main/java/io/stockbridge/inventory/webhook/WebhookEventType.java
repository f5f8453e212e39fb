package io.stockbridge.inventory.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook subscription can ask for, by the name the receiver sees in {@code type}. */
public enum WebhookEventType {
  /** An alert opened (one per cause while it holds). */
  ALERT_OPENED("alert.opened"),
  /** An alert resolved because its cause went away (or its service cleared it). */
  ALERT_RESOLVED("alert.resolved"),
  /** A SKU's available quantity in a warehouse changed; the newest change stands in for any not yet sent. */
  STOCK_AVAILABLE_CHANGED("stock.available_changed"),
  /** A listing's status on the channel changed (reported by catalog-service). */
  LISTING_STATUS_CHANGED("listing.status_changed"),
  /** A reservation ran out its time without being committed or released; its units are sellable again. */
  RESERVATION_EXPIRED("reservation.expired"),
  /** A warehouse reading disagreed with the ledger and a calibration task opened (WH-4). */
  CALIBRATION_OPENED("calibration.opened");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<WebhookEventType> ofWireName(String name) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
  }

  /** The names a subscription may list, for error messages. */
  public static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(WebhookEventType::wireName).toList());
  }
}
