package io.stockbridge.catalog.product;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.catalog.product.barcode.Gtin;

@Schema(description = "A product (SPU) with its SKUs")
public record ProductRequest(
    @Schema(description = "Title per locale (BCP 47 tag such as en or zh-CN)", examples = "{\"en\": \"Wireless earbuds with charging case\"}")
    @NotEmpty Map<@Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") String, @NotBlank @Size(max = 255) String> titles,
    @Size(max = 10000) String description,
    @Schema(description = "Category path, e.g. Electronics/Audio/Earphones") @NotBlank @Size(max = 255) String category,
    @Size(max = 128) String brand,
    @Schema(description = "ISO 3166-1 alpha-2 country of origin, e.g. CN") @Pattern(regexp = "[A-Z]{2}") String originCountry,
    @Valid Manufacturer manufacturer,
    @Schema(description = "Attributes the category asks for, e.g. {\"wireless\": \"true\"}; compliance rules read them")
    @Size(max = 100) Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{0,63}") String, @NotNull @Size(max = 500) String> attributes,
    @Schema(description = "Ingredients as the CPI lists them, in order, e.g. [\"Aqua\", \"Glycerin\"]; compliance checks "
        + "that they are INCI names (CMP-3)")
    @Size(max = 300) List<@NotBlank @Size(max = 200) String> ingredients,
    @Schema(description = "The model number, as on its registrations") @Size(max = 100) String modelNumber,
    @Schema(description = "When the model was first registered (ISO date); an FCC report may not predate it (CMP-3)")
    java.time.LocalDate modelFirstRegisteredAt,
    @Schema(description = "The product's SKUs; seller SKUs are unique per seller") @NotEmpty @Size(max = 200)
    List<@NotNull @Valid SkuRequest> skus) {

  @Schema(description = "The manufacturer as printed on the packaging")
  public record Manufacturer(
      @NotBlank @Size(max = 255) String name,
      @Schema(description = "The registered address (not a factory name)") @NotBlank @Size(max = 500) String registeredAddress) {
  }

  @Schema(description = "A SKU of the product")
  public record SkuRequest(
      @Schema(description = "The seller's SKU code, unique per seller") @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sellerSku,
      @Schema(description = "UPC-A, EAN-8, EAN-13 or GTIN-14; the check digit is verified") @Gtin String barcode,
      @Schema(description = "Shipping weight") @Valid Weight weight,
      @Schema(description = "Package dimensions") @Valid Dimensions dimensions) {
  }

  @Schema(description = "Package dimensions with their unit")
  public record Dimensions(
      @NotNull @jakarta.validation.constraints.Positive @jakarta.validation.constraints.Digits(integer = 8, fraction = 2)
      java.math.BigDecimal length,
      @NotNull @jakarta.validation.constraints.Positive @jakarta.validation.constraints.Digits(integer = 8, fraction = 2)
      java.math.BigDecimal width,
      @NotNull @jakarta.validation.constraints.Positive @jakarta.validation.constraints.Digits(integer = 8, fraction = 2)
      java.math.BigDecimal height,
      @NotNull DimensionUnit unit) {
  }

  public enum DimensionUnit {
    CM, IN
  }

  @Schema(description = "A weight with its unit")
  public record Weight(
      @NotNull @jakarta.validation.constraints.Positive @jakarta.validation.constraints.Digits(integer = 9, fraction = 3)
      java.math.BigDecimal value,
      @NotNull WeightUnit unit) {
  }

  public enum WeightUnit {
    G, KG, OZ, LB
  }
}
