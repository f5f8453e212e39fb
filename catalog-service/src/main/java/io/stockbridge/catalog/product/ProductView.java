package io.stockbridge.catalog.product;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.catalog.product.repository.Product;
import io.stockbridge.catalog.product.repository.Sku;

@Schema(description = "A product with its SKUs")
@RegisterForReflection
public record ProductView(UUID id, Map<String, String> titles, String description, String category, String brand,
    String originCountry, ProductRequest.Manufacturer manufacturer, Map<String, String> attributes,
    @Schema(description = "Ingredients as the CPI lists them, in order") List<String> ingredients, String modelNumber,
    java.time.LocalDate modelFirstRegisteredAt, List<SkuView> skus,
    @Schema(description = "Main images in order, as measured when uploaded") List<ImageView> images,
    OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

  @RegisterForReflection
  public record SkuView(UUID id, String sellerSku, String barcode, ProductRequest.Weight weight,
      ProductRequest.Dimensions dimensions) {
  }

  public static ProductView of(Product product, List<Sku> skus) {
    return of(product, skus, List.of());
  }

  public static ProductView of(Product product, List<Sku> skus, List<ImageView> images) {
    ProductRequest.Manufacturer manufacturer = product.manufacturerName == null ? null
        : new ProductRequest.Manufacturer(product.manufacturerName, product.manufacturerAddress);
    return new ProductView(product.id, product.titles, product.description, product.category, product.brand,
        product.originCountry, manufacturer, product.attributes == null ? Map.of() : product.attributes,
        product.ingredients == null ? List.of() : product.ingredients.list(), product.modelNumber,
        product.modelFirstRegisteredAt, skus.stream().map(ProductView::skuView).toList(), images,
        product.createdAt, product.updatedAt, product.version);
  }

  private static SkuView skuView(Sku sku) {
    ProductRequest.Weight weight = sku.weightValue == null ? null
        : new ProductRequest.Weight(sku.weightValue, ProductRequest.WeightUnit.valueOf(sku.weightUnit));
    ProductRequest.Dimensions dimensions = sku.dimensionUnit == null ? null
        : new ProductRequest.Dimensions(sku.lengthValue, sku.widthValue, sku.heightValue,
            ProductRequest.DimensionUnit.valueOf(sku.dimensionUnit));
    return new SkuView(sku.id, sku.sellerSku, sku.barcode, weight, dimensions);
  }
}
