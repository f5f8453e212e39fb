package io.stockbridge.catalog.listing.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.catalog.listing.config.ListingConfig;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.product.image.ImageMeasurement;
import io.stockbridge.catalog.product.repository.Product;
import io.stockbridge.catalog.product.repository.Sku;

/**
 * The channel's localisation rules, checked before anything is sent (LST-3): an English title of at least 10
 * characters, English seller SKUs, at least 3 main images that are 1080x1080 px or larger and square on a white
 * background (as measured from their pixels), the origin country and the manufacturer's registered address. Reads
 * nothing itself; every failure is returned, not just the first.
 */
@ApplicationScoped
public class LocalListingChecks {
  private final ListingConfig config;

  public LocalListingChecks(ListingConfig config) {
    this.config = config;
  }

  /** An image as its decoding found it; {@code measurement} is null when it could not be decoded. */
  public record MeasuredImage(int index, ImageMeasurement measurement, String problem) {
  }

  public List<ListingFailure> check(Product product, List<Sku> skus, List<MeasuredImage> images) {
    List<ListingFailure> failures = new ArrayList<>();
    String title = product.titles == null ? null : product.titles.get("en");
    if (title == null || title.isBlank()) {
      failures.add(new ListingFailure("english_title_missing", "titles.en", "The product needs an English title"));
    } else {
      if (title.strip().length() < config.minEnglishTitleLength()) {
        failures.add(new ListingFailure("title_too_short", "titles.en", "The English title has "
            + title.strip().length() + " characters; at least " + config.minEnglishTitleLength() + " are needed"));
      }
      if (!latin(title)) {
        failures.add(new ListingFailure("title_not_english", "titles.en",
            "The English title contains characters of another script; write it in English"));
      }
    }
    for (int i = 0; i < skus.size(); i++) {
      if (!skus.get(i).sellerSku.matches("[A-Za-z0-9._-]+")) {
        failures.add(new ListingFailure("seller_sku_not_english", "skus[" + i + "].sellerSku",
            "Seller SKUs use English letters, digits, '.', '_' and '-' only"));
      }
    }
    if (images.size() < config.minMainImages()) {
      failures.add(new ListingFailure("too_few_main_images", "images", "The product has " + images.size()
          + " main images; at least " + config.minMainImages() + " are needed"));
    }
    for (MeasuredImage image : images) {
      String field = "images[" + image.index() + "]";
      ImageMeasurement measured = image.measurement();
      if (measured == null) {
        failures.add(new ListingFailure("image_unreadable", field, image.problem()));
        continue;
      }
      if (measured.width() != measured.height()) {
        failures.add(new ListingFailure("image_not_square", field, "The image is " + measured.width() + "x"
            + measured.height() + " px; main images are square"));
      }
      if (Math.min(measured.width(), measured.height()) < config.mainImageSide()) {
        failures.add(new ListingFailure("image_too_small", field, "The image is " + measured.width() + "x"
            + measured.height() + " px; main images are at least " + config.mainImageSide() + "x"
            + config.mainImageSide() + " px"));
      }
      if (measured.whiteBorderShare() < config.whiteBackgroundShare()) {
        failures.add(new ListingFailure("image_background_not_white", field, String.format(
            "%.0f%% of the image's edge is white; a white background needs at least %.0f%%",
            measured.whiteBorderShare() * 100, config.whiteBackgroundShare() * 100)));
      }
    }
    if (product.originCountry == null || product.originCountry.isBlank()) {
      failures.add(new ListingFailure("origin_missing", "originCountry",
          "The country of origin (\"Made in ...\") is required on the packaging data"));
    }
    if (product.manufacturerAddress == null || product.manufacturerAddress.isBlank()) {
      failures.add(new ListingFailure("manufacturer_address_missing", "manufacturer.registeredAddress",
          "The manufacturer's registered address is required on the packaging data"));
    } else if (!looksLikeAnAddress(product.manufacturerAddress, product.manufacturerName)) {
      failures.add(new ListingFailure("manufacturer_address_not_an_address", "manufacturer.registeredAddress",
          "Give the manufacturer's registered address (street, number, city), not a factory name"));
    }
    return failures;
  }

  /** Latin letters, digits, punctuation and symbols: no Han, Kana, Hangul, Thai or other script. */
  private static boolean latin(String text) {
    return text.codePoints().allMatch(c -> {
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.COMMON
          || script == Character.UnicodeScript.INHERITED;
    });
  }

  /** An address names where: it has a number or separate parts, and is more than the company's name again. */
  private static boolean looksLikeAnAddress(String address, String manufacturerName) {
    String trimmed = address.strip();
    if (manufacturerName != null && trimmed.equalsIgnoreCase(manufacturerName.strip())) {
      return false;
    }
    return trimmed.chars().anyMatch(Character::isDigit) || trimmed.contains(",");
  }
}
