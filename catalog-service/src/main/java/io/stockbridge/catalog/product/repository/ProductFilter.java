package io.stockbridge.catalog.product.repository;

/**
 * What a product list is narrowed to; every part is optional.
 *
 * @param category  the exact category path
 * @param brand     the exact brand
 * @param sellerSku products having this seller SKU
 * @param barcode   products having a SKU with this barcode
 */
public record ProductFilter(String category, String brand, String sellerSku, String barcode) {
}
