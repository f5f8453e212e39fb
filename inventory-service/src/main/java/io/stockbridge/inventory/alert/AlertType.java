package io.stockbridge.inventory.alert;

/** What an alert is about; each names the rule it comes from. */
public enum AlertType {
  /** CNT-2: a SKU's available units in a warehouse fell below its safety stock. */
  BELOW_SAFETY_STOCK,
  /** CNT-2: on hand and on the way no longer cover the lead time's sales; carries a reorder suggestion. */
  REPLENISH,
  /** CNT-3: units held for the slow-moving period without a sale. */
  SLOW_MOVING,
  /** CNT-4: the share of units older than the aged-stock age is above its limit. */
  AGED_STOCK,
  /** INV-4: a SKU took more stock edits within the window than allowed and was flagged. */
  EDIT_RATE_FLAGGED,
  /** WH-4: a warehouse reading disagreed with the ledger; a calibration task waits for the seller. */
  CALIBRATION_OPEN,
  /** WH-4: a calibration task passed its due time; the SKU takes no new orders in that warehouse. */
  CALIBRATION_OVERDUE,
  /** WH-2: a warehouse sent no reading for longer than it promises. */
  WAREHOUSE_STALE,
  /** WH-2: a SKU's stock in a warehouse was not confirmed for longer than the warehouse promises. */
  SKU_STALE,
  /** An event between services was refused for good and waits as a dead letter. */
  DELIVERY_DEAD_LETTER,
  /** CH-3: the channel answered 401; pushes wait until the seller authorises again. */
  CHANNEL_REAUTHORIZATION_REQUIRED,
  /** CH-3: the seller's authorisation of a channel connection lapses soon; the seller must authorise again. */
  CHANNEL_AUTHORIZATION_EXPIRING,
  /** CH-4: the channel refused the app as unauthorised. */
  CHANNEL_UNAUTHORIZED,
  /** LST-4: a SKU failed publication too often and is locked. */
  LISTING_LOCKED,
  /** CMP-2: a verified compliance document expires soon. */
  DOCUMENT_EXPIRING
}
