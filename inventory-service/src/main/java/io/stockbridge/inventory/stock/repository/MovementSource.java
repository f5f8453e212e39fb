package io.stockbridge.inventory.stock.repository;

/**
 * Through which path a movement came (rule INV-5).
 */
public enum MovementSource {
  /** An ERP or WMS integration through the API. */
  ERP_API,
  /** A warehouse's WMS, through warehouse-gateway. */
  WAREHOUSE,
  /** A person, through the API. */
  MANUAL,
  /** A physical count. */
  COUNT,
  /** An order's reservation, commitment or release. */
  RESERVATION,
  /** Stockbridge itself, e.g. an expired reservation. */
  SYSTEM
}
