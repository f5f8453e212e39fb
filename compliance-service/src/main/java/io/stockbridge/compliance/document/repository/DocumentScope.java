package io.stockbridge.compliance.document.repository;

/**
 * What a document covers: everything the seller sells (an FDA facility registration, a TIN), one product (an FCC
 * report of its model), or one SKU.
 */
public enum DocumentScope {
  SELLER, PRODUCT, SKU
}
