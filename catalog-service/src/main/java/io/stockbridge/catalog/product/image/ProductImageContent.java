package io.stockbridge.catalog.product.image;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An image's bytes, apart from its description so that lists never load them. */
@Entity
@Table(name = "product_image_content")
public class ProductImageContent {
  @Id
  @Column(name = "image_id")
  public UUID imageId;

  @Column(nullable = false)
  public byte[] bytes;
}
