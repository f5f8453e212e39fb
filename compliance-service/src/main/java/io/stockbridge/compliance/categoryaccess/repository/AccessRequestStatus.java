package io.stockbridge.compliance.categoryaccess.repository;

/**
 * Where a seller's request to sell in a non-whitelisted category stands (rule LST-2).
 */
public enum AccessRequestStatus {
  PENDING, APPROVED, REJECTED
}
