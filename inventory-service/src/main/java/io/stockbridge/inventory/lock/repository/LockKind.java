package io.stockbridge.inventory.lock.repository;

import java.util.Arrays;
import java.util.Optional;

import io.stockbridge.inventory.InventoryProblem;

/**
 * Why a SKU's stock may not be edited by hand (rule INV-1), each with the code an edit is refused with.
 */
public enum LockKind {
  /** The listing is under the channel's review. */
  UNDER_REVIEW("under-review", InventoryProblem.SKU_UNDER_REVIEW),
  /** The listing is being delisted. */
  DELISTING("delisting", InventoryProblem.SKU_BEING_DELISTED),
  /** The listing is frozen for a violation. */
  FROZEN("frozen", InventoryProblem.SKU_FROZEN),
  /** A running promotion (flash sale) holds the stock. */
  PROMOTION("promotion", InventoryProblem.SKU_LOCKED_BY_PROMOTION),
  /** Reserved units already have shipping labels: stock may not go below them. */
  LABEL_GENERATED("label-generated", InventoryProblem.SKU_HAS_SHIPPING_LABELS);

  private final String pathName;
  private final InventoryProblem refusalCode;

  LockKind(String pathName, InventoryProblem refusalCode) {
    this.pathName = pathName;
    this.refusalCode = refusalCode;
  }

  public String pathName() {
    return pathName;
  }

  public InventoryProblem refusalCode() {
    return refusalCode;
  }

  public static Optional<LockKind> fromPathName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.pathName.equals(name)).findFirst();
  }
}
