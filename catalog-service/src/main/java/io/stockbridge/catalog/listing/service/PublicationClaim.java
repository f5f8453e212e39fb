package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.catalog.product.image.ProductImage;
import io.stockbridge.catalog.product.repository.Product;
import io.stockbridge.catalog.product.repository.Sku;

/** What a claimed publication works from, read in the transaction that claimed the listing. */
record PublicationClaim(UUID listingId, String sellerId, String actor, UUID connectionId, String market,
    ListingStatus previousStatus, OffsetDateTime claimedAt, Product product, List<Sku> skus,
    List<ProductImage> images, String channelProductId, Map<String, String> channelSkus) {

  List<String> sellerSkus() {
    return skus.stream().map(sku -> sku.sellerSku).toList();
  }

  /** Whether this publication lists again a channel product delisted for stock drift and recalibrated (LST-5). */
  boolean relist() {
    return previousStatus == ListingStatus.DELISTED && channelProductId != null;
  }
}
