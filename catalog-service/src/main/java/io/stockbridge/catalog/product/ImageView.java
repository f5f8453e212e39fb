package io.stockbridge.catalog.product;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.catalog.product.image.ProductImage;

@Schema(description = "A product's main image: its decoded size, not a size anyone claimed")
@RegisterForReflection
public record ImageView(UUID id, int position, String contentType, int width, int height, int sizeBytes,
    String sha256, OffsetDateTime createdAt) {

  public static ImageView of(ProductImage image) {
    return new ImageView(image.id, image.position, image.contentType, image.width, image.height, image.sizeBytes,
        image.sha256, image.createdAt);
  }
}
