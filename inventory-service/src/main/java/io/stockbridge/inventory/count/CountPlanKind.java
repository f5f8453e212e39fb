package io.stockbridge.inventory.count;

/** The kinds of count plan a warehouse can have (rule CNT-1). */
public enum CountPlanKind {
  /** Every day a slice of the SKUs, each counted as often as its velocity class asks (A weekly, B monthly, ...). */
  CYCLE,
  /** Every SKU of the warehouse, once, at the plan's start. */
  FULL,
  /** The campaign's SKUs before the promotion starts and again after it ends. */
  CAMPAIGN
}
