package io.stockbridge.console.products.client;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** The seller's products for the pages: names for listings, SKUs for a barcode. Bounded in time, no breaker. */
@ApplicationScoped
public class ProductClient {
  private final ProductApi api;

  public ProductClient(@RestClient ProductApi api) {
    this.api = api;
  }

  /** The seller's products (the first 200), to name what listings and alerts are about. */
  @Timeout(5_000)
  public Uni<List<ProductSummary>> products() {
    return api.list(null, 200).map(page -> page.items());
  }

  /** The seller SKU that carries this barcode, if any. */
  @Timeout(5_000)
  public Uni<Optional<String>> skuWithBarcode(String barcode) {
    return api.list(barcode, 5).map(page -> page.items().stream().flatMap(product -> product.skus().stream())
        .filter(sku -> barcode.equals(sku.barcode())).map(ProductSummary.SkuCodes::sellerSku).findFirst());
  }
}
