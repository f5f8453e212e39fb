package io.stockbridge.compliance.market;

/**
 * The channel markets whose compliance rules the suite knows (rule CMP-1).
 */
public enum Market {
  US, UK, DE, FR, ID, TH, VN
}
