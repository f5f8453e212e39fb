package io.stockbridge.catalog;

import io.stockbridge.platform.problem.ProblemCode;

/**
 * The problem codes catalog-service answers with, besides the common ones. Never renamed: clients branch on them.
 */
public enum CatalogProblem implements ProblemCode {
  /** The suite's app on the channel has no key and secret configured. */
  CHANNEL_APP_NOT_CONFIGURED,
  /** The channel refused an authorisation code. */
  CHANNEL_REFUSED,
  /** The channel did not answer; nothing was submitted. */
  CHANNEL_UNAVAILABLE,
  /** compliance-service could not be asked; nothing was submitted. */
  COMPLIANCE_UNAVAILABLE,
  /** The listing's channel connection is not active. */
  CONNECTION_NOT_ACTIVE,
  /** The channel connection was replaced or removed. */
  CONNECTION_REVOKED,
  /** Every image decoder is busy; try again after Retry-After. */
  IMAGE_DECODERS_BUSY,
  /** A consent callback with an unknown, used or expired state. */
  INVALID_AUTHORIZATION_STATE,
  /** A publication of a listing that is live. */
  LISTING_ALREADY_LIVE,
  /** A second listing of a product for the same connection and market. */
  LISTING_EXISTS,
  /** A publication of a listing whose delisting for stock drift is in flight (LST-5). */
  LISTING_BEING_DELISTED,
  /** A publication of a listing the channel froze. */
  LISTING_FROZEN,
  /** A publication of a listing the channel is reviewing. */
  LISTING_IN_REVIEW,
  /** A publication of a SKU locked after too many failed submissions (LST-4). */
  LISTING_LOCKED,
  /** A channel notification that is not the channel's JSON. */
  MALFORMED_BODY,
  /** A recalibration of a listing that was not delisted for stock drift. */
  NOT_DRIFTED,
  /** A publication that could not be completed; nothing was submitted. */
  PUBLICATION_INTERRUPTED,
  /** A publication of a listing being published now. */
  PUBLICATION_IN_PROGRESS,
  /** The channel answered 401 for the connection: the seller must authorise it again (CH-3). */
  REAUTHORIZATION_REQUIRED,
  /** The channel's quantities still differ from the ledger's after a recalibration. */
  RECALIBRATION_FAILED,
  /** A publication of a listing delisted for stock drift, before its recalibration (LST-5). */
  RECALIBRATION_REQUIRED,
  /** A consent for a shop another seller holds; that seller must give its connection up first. */
  SHOP_CONNECTED_TO_ANOTHER_SELLER,
  /** A seller SKU the seller already has. */
  SELLER_SKU_TAKEN,
  /** A product update that leaves out one of its SKUs. */
  SKU_REMOVAL_REFUSED,
  /** A product image beyond the most a product may have. */
  TOO_MANY_IMAGES,
  /** The channel refused the app for the shop's channel, 403 with code 40302 (CH-4). */
  UNAUTHORIZED_CHANNEL,
  /** An upload that is not a JPEG or PNG image. */
  UNSUPPORTED_IMAGE,
  /** A warehouse item already mapped to another SKU (WH-3). */
  WMS_ITEM_TAKEN;
}
