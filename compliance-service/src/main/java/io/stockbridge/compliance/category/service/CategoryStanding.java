package io.stockbridge.compliance.category.service;

/**
 * Where a category stands in a market's tree (rule LST-2).
 *
 * @param topLevel the tree's own spelling of the category's top-level category; null when unknown
 */
public record CategoryStanding(Access access, String topLevel) {

  public enum Access {
    /** Whitelisted: open to every seller. */
    OPEN,
    /** Open to sellers whose access request was approved. */
    INVITATION_ONLY,
    /** Not in the market's tree. */
    UNKNOWN
  }
}
