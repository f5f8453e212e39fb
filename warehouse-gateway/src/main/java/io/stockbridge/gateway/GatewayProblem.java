package io.stockbridge.gateway;

import io.stockbridge.platform.problem.ProblemCode;

/**
 * The problem codes warehouse-gateway answers with, besides the common ones. Never renamed: partners and clients
 * branch on them.
 */
public enum GatewayProblem implements ProblemCode {
  /** A stock file whose header is not the expected columns. */
  INVALID_CSV_HEADER,
  /** A stock file that is not UTF-8. */
  INVALID_ENCODING,
  /** A stock file with bad rows; every bad row and column is named and nothing is applied. */
  INVALID_ROWS,
  /** A stock file that is not CSV. */
  MALFORMED_CSV,
  /** A webhook without webhook-id, webhook-timestamp or webhook-signature. */
  MISSING_WEBHOOK_HEADERS,
  /** A stock file for a warehouse that is not CSV-only. */
  NOT_A_CSV_WAREHOUSE,
  /** A poll request for a warehouse that is not polled. */
  NOT_POLLED,
  /** A replay of an event that is neither parked nor rejected. */
  NOT_REPLAYABLE,
  /** A webhook whose readings the ledger could never apply; each field is named. */
  READING_OUT_OF_LIMITS,
  /** A stock file with more rows than one import takes. */
  TOO_MANY_ROWS,
  /** A warehouse code the seller already uses. */
  WAREHOUSE_CODE_TAKEN,
  /** A webhook for a disabled warehouse. */
  WAREHOUSE_DISABLED,
  /** A webhook for a warehouse whose adapter takes none. */
  WEBHOOKS_NOT_ACCEPTED;
}
