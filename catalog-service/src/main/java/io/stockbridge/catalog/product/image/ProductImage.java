package io.stockbridge.catalog.product.image;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A main image of a product, kept as uploaded with the size its decoding gave. */
@Entity
@Table(name = "product_image")
public class ProductImage {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "product_id", nullable = false)
  public UUID productId;

  /** Order among the product's main images; the first is the cover. */
  @Column(nullable = false)
  public int position;

  @Column(name = "content_type", nullable = false)
  public String contentType;

  @Column(nullable = false)
  public int width;

  @Column(nullable = false)
  public int height;

  @Column(name = "size_bytes", nullable = false)
  public int sizeBytes;

  @Column(nullable = false)
  public String sha256;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
