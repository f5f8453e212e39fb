package io.stockbridge.catalog.product.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A seller's product (SPU): what is listed on a channel; its variants are {@link Sku}s.
 */
@Entity
@Table(name = "product")
public class Product {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  /** Title per locale (BCP 47 language tag, e.g. {@code en}, {@code zh-CN}). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> titles;

  public String description;

  @Column(nullable = false)
  public String category;

  public String brand;

  @Column(name = "origin_country")
  public String originCountry;

  @Column(name = "manufacturer_name")
  public String manufacturerName;

  @Column(name = "manufacturer_address")
  public String manufacturerAddress;

  /** Free attributes the channel's category asks for (e.g. {@code wireless}, {@code forChildren}). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> attributes;

  /** Ingredients as the CPI lists them, in order (INCI or everyday names); compliance checks them (CMP-3). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Ingredients ingredients;

  @Column(name = "model_number")
  public String modelNumber;

  /** When the model was first registered; an FCC report dated before it cannot be this model's (CMP-3). */
  @Column(name = "model_first_registered_at")
  public LocalDate modelFirstRegisteredAt;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version
  public long version;
}
