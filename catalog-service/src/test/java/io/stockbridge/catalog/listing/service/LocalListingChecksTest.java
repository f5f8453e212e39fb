package io.stockbridge.catalog.listing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stockbridge.catalog.listing.config.ListingConfig;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.service.LocalListingChecks.MeasuredImage;
import io.stockbridge.catalog.product.image.ImageMeasurement;
import io.stockbridge.catalog.product.repository.Product;
import io.stockbridge.catalog.product.repository.Sku;

/** LST-3's local checks as pure logic: every failure named at once, with the field to fix. */
class LocalListingChecksTest {
  /** The documented defaults of the listing rules. */
  private static final ListingConfig DEFAULTS = new ListingConfig() {
    public int minEnglishTitleLength() {
      return 10;
    }

    public int minMainImages() {
      return 3;
    }

    public int mainImageSide() {
      return 1080;
    }

    public double whiteBackgroundShare() {
      return 0.95;
    }

    public int failedSubmissionsLimit() {
      return 3;
    }

    public Duration failureWindow() {
      return Duration.ofHours(24);
    }

    public Duration lockDuration() {
      return Duration.ofHours(72);
    }

    public Duration publishLease() {
      return Duration.ofMinutes(2);
    }

    public int stockTolerance() {
      return 5;
    }

    public Duration precisionCheckInterval() {
      return Duration.ofMinutes(5);
    }
  };

  private final LocalListingChecks checks = new LocalListingChecks(DEFAULTS);

  private static Product product(String title, String origin, String manufacturer, String address) {
    Product product = new Product();
    product.titles = title == null ? Map.of() : Map.of("en", title);
    product.originCountry = origin;
    product.manufacturerName = manufacturer;
    product.manufacturerAddress = address;
    return product;
  }

  private static Sku sku(String sellerSku) {
    Sku sku = new Sku();
    sku.sellerSku = sellerSku;
    return sku;
  }

  private static MeasuredImage image(int index, int width, int height, double white) {
    return new MeasuredImage(index, new ImageMeasurement("png", width, height, white), null);
  }

  private static List<String> codes(List<ListingFailure> failures) {
    return failures.stream().map(ListingFailure::code).toList();
  }

  @Test
  void aProductReadyForTheChannelPassesEveryCheck_LST3() {
    List<ListingFailure> failures = checks.check(product("Wireless earbuds with charging case", "CN", "Acme",
        "88 Keyuan Road, Shenzhen"), List.of(sku("EAR-001")), List.of(image(0, 1080, 1080, 0.99),
        image(1, 1200, 1200, 1.0), image(2, 1080, 1080, 0.96)));
    assertThat(failures).isEmpty();
  }

  @Test
  void everyProblemIsNamedAtOnceWithItsField_LST3() {
    List<ListingFailure> failures = checks.check(product("耳机", null, "Acme Factory", "Acme Factory"),
        List.of(sku("耳机-1")), List.of(image(0, 1080, 720, 0.99), image(1, 800, 800, 0.5),
            new MeasuredImage(2, null, "not an image")));
    assertThat(codes(failures)).containsExactly("title_too_short", "title_not_english", "seller_sku_not_english",
        "image_not_square", "image_too_small", "image_too_small", "image_background_not_white", "image_unreadable",
        "origin_missing", "manufacturer_address_not_an_address");
    assertThat(failures).extracting(ListingFailure::field).contains("titles.en", "skus[0].sellerSku", "images[1]",
        "images[2]", "originCountry", "manufacturer.registeredAddress");
  }

  @Test
  void aMissingTitleAddressAndTooFewImagesAreEachNamed_LST3() {
    assertThat(codes(checks.check(product(null, "CN", "Acme", null), List.of(sku("EAR-001")),
        List.of(image(0, 1080, 1080, 1.0))))).containsExactly("english_title_missing", "too_few_main_images",
        "manufacturer_address_missing");
  }
}
