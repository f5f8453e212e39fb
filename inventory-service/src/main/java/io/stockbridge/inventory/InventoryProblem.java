package io.stockbridge.inventory;

import io.stockbridge.platform.problem.ProblemCode;

/**
 * The problem codes inventory-service answers with, besides the common ones and the edit-lock and ownership codes
 * that rules name (INV-1, INV-3). Never renamed: clients branch on them.
 */
public enum InventoryProblem implements ProblemCode {
  /** An acknowledgement of an alert whose cause went away before. */
  ALERT_ALREADY_RESOLVED,
  /** A report of an alert type only the ledger's own rules raise; it can never be taken. */
  ALERT_TYPE_NOT_REPORTABLE,
  /** A resolution of a calibration task that was resolved before (WH-4). */
  CALIBRATION_ALREADY_RESOLVED,
  /** An approval of a count that is not waiting for one (CNT-1). */
  COUNT_NOT_PENDING_APPROVAL,
  /** Count results that name SKUs the count does not have, or leave some of its SKUs out (CNT-1). */
  COUNT_RESULT_MISMATCH,
  /** A count or plan naming SKUs that have no stock record in the warehouse; each is named (CNT-1). */
  COUNT_SKUS_NOT_IN_WAREHOUSE,
  /** A hand edit that would leave sellable below what orders reserved (INV-1). */
  BELOW_RESERVED,
  /** The sixth change of one SKU's stock within an hour (INV-4); Retry-After says when the next may go. */
  EDIT_RATE_LIMITED,
  /** A hand edit of a SKU an integration owns (INV-3); the rule names the channel's code, 40302. */
  MANAGED_BY_EXTERNAL_SYSTEM("40302"),
  /** An order some of whose lines cannot be filled now; each short line is named (RES-1). */
  INSUFFICIENT_STOCK,
  /** An order id reserved before with different lines. */
  ORDER_ID_REUSED,
  /** A hand edit without If-Match. */
  PRECONDITION_REQUIRED,
  /** An integration's change of a SKU the seller manages by hand (INV-2). */
  SKU_MANAGED_MANUALLY,
  /** A hand edit of a SKU whose listing is being delisted (INV-1). */
  SKU_BEING_DELISTED,
  /** A hand edit of a SKU frozen for a violation (INV-1). */
  SKU_FROZEN,
  /** A hand edit that would take stock whose reserved units have shipping labels (INV-1). */
  SKU_HAS_SHIPPING_LABELS,
  /** A hand edit of a SKU a running promotion holds (INV-1). */
  SKU_LOCKED_BY_PROMOTION,
  /** A hand edit of a SKU whose listing the channel is reviewing (INV-1). */
  SKU_UNDER_REVIEW,
  /** An ownership switch naming SKUs the seller does not have; each is named and nothing is switched (CH-2). */
  UNKNOWN_SKUS,
  /** A SKU or warehouse the ledger has not registered yet; retried by the sender. */
  UNKNOWN_SKU_OR_WAREHOUSE,
  /** A channel return whose warehouse is not named and whose order the ledger has not seen ship it (STK-3). */
  RETURN_WAREHOUSE_UNKNOWN,
  /** A replay of a webhook delivery that is still pending or was cancelled with its subscription. */
  WEBHOOK_DELIVERY_NOT_REPLAYABLE,
  /** An event type only the ledger raises, reported by another service; it can never be taken. */
  WEBHOOK_EVENT_NOT_REPORTABLE,
  /** A new webhook subscription beyond the number a seller may have. */
  WEBHOOK_SUBSCRIPTION_LIMIT,
  /** A receiver URL whose host resolves to a private, loopback or link-local address the operator does not allow. */
  WEBHOOK_URL_NOT_ALLOWED,
  /** A receiver URL whose host does not resolve. */
  WEBHOOK_URL_UNRESOLVABLE;

  private final String code;

  InventoryProblem() {
    this.code = null;
  }

  InventoryProblem(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code == null ? name() : code;
  }
}
