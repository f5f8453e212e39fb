package io.stockbridge.inventory.ownership.repository;

/**
 * Who may set a SKU's stock (rule INV-2).
 */
public enum OwnershipMode {
  /** Synced by the seller's ERP or WMS integration; manual edits are refused (INV-3). */
  EXTERNAL,
  /** Maintained by hand in Stockbridge. */
  MANUAL
}
