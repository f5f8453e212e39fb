package io.stockbridge.inventory.stock.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * The refusal of a request that names, in a plain list of SKUs, some the seller does not have: every one is named
 * with its position, so a client can fix them all at once, and nothing of the request is applied.
 */
public final class UnknownSkus {
  private UnknownSkus() {
  }

  /** Throws the 422 naming each SKU of {@code named} (the request field {@code field}) not in {@code known}. */
  public static void refuseAnyOutside(Set<String> known, List<String> named, String field) {
    List<FieldError> unknown = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      if (!known.contains(named.get(i))) {
        unknown.add(new FieldError(field + "[" + i + "]", "unknown_sku", named.get(i) + " is not one of the seller's SKUs"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new ProblemException(422, InventoryProblem.UNKNOWN_SKUS, "Unknown SKUs",
          unknown.size() + " of the named SKUs are not the seller's; nothing was done", unknown);
    }
  }
}
