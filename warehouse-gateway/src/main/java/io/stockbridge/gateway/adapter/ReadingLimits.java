package io.stockbridge.gateway.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.stockbridge.platform.problem.FieldError;

/**
 * What the rest of the suite accepts of a reading, checked where it comes in: an item id catalog-service can look up
 * (at most 128 characters, no control characters) and quantities within the ledger's range (0 to one billion). A
 * webhook outside them is refused with 400 before it is acknowledged, instead of being accepted and lost later.
 */
public final class ReadingLimits {
  /** catalog-service's limit on a warehouse item id. */
  public static final int MAX_ITEM_ID_LENGTH = 128;
  /** The ledger's largest quantity in one bucket. */
  public static final long MAX_QUANTITY = 1_000_000_000L;

  private ReadingLimits() {
  }

  /** The field errors of the readings ({@code items[i].field}); empty when all are within the limits. */
  public static List<FieldError> check(List<ItemReading> readings) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      ItemReading reading = readings.get(i);
      String item = "items[" + i + "]";
      if (reading.wmsItemId().length() > MAX_ITEM_ID_LENGTH) {
        errors.add(new FieldError(item + ".itemId", "too_long", "at most " + MAX_ITEM_ID_LENGTH + " characters"));
      } else if (reading.wmsItemId().chars().anyMatch(Character::isISOControl)) {
        errors.add(new FieldError(item + ".itemId", "invalid_text", "no control characters"));
      }
      quantity(errors, item + ".inTransit", reading.inTransit());
      quantity(errors, item + ".qc", reading.qc());
      quantity(errors, item + ".frozen", reading.frozen());
      quantity(errors, item + ".sellable", reading.sellable());
    }
    return errors;
  }

  /** The errors as one line, for an event's reason. */
  public static String describe(List<FieldError> errors) {
    return "outside the suite's limits: " + errors.stream().map(e -> e.field() + " " + e.message())
        .collect(Collectors.joining("; "));
  }

  private static void quantity(List<FieldError> errors, String field, long quantity) {
    if (quantity > MAX_QUANTITY) {
      errors.add(new FieldError(field, "out_of_range", "at most " + MAX_QUANTITY));
    }
  }
}
