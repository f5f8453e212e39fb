package io.stockbridge.catalog.product.repository;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A sellable variant of a product, known to the channel by its seller SKU and to warehouses by its barcode.
 */
@Entity
@Table(name = "sku")
public class Sku {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "product_id", nullable = false)
  public UUID productId;

  @Column(name = "seller_sku", nullable = false)
  public String sellerSku;

  /** UPC-A, EAN-8, EAN-13 or GTIN-14, check digit verified. */
  public String barcode;

  @Column(name = "weight_value")
  public java.math.BigDecimal weightValue;

  @Column(name = "weight_unit")
  public String weightUnit;

  @Column(name = "length_value")
  public java.math.BigDecimal lengthValue;

  @Column(name = "width_value")
  public java.math.BigDecimal widthValue;

  @Column(name = "height_value")
  public java.math.BigDecimal heightValue;

  @Column(name = "dimension_unit")
  public String dimensionUnit;

  /** Position within the product, so variants list in the order the seller gave. */
  @Column(nullable = false)
  public int position;
}
