package io.stockbridge.inventory.count;

/** Why a count was made. */
public enum CountPurpose {
  CYCLE,
  FULL,
  CAMPAIGN_BEFORE,
  CAMPAIGN_AFTER,
  /** Asked for by the seller, outside any plan. */
  AD_HOC
}
