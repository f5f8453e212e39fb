package io.stockbridge.compliance.market;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A category path such as {@code Beauty/Skincare/Serums}: segments separated by "/", compared without regard to
 * case or the spaces around a segment.
 */
public final class CategoryPath {
  /** A rule for this path applies to every category of its market. */
  public static final String EVERY_CATEGORY = "*";

  private CategoryPath() {
  }

  /** "  beauty / Skincare/ " -> "beauty/Skincare": segments trimmed, empty ones dropped, case kept. */
  public static String clean(String path) {
    return Arrays.stream(path.split("/")).map(String::trim).filter(segment -> !segment.isEmpty())
        .collect(Collectors.joining("/"));
  }

  /** The path's first segment, cleaned. */
  public static String topLevel(String path) {
    String clean = clean(path);
    int slash = clean.indexOf('/');
    return slash < 0 ? clean : clean.substring(0, slash);
  }

  /** Whether a rule's path covers a product's category: "*" covers all, "Beauty" covers "beauty/Skincare". */
  public static boolean covers(String rulePath, String category) {
    if (EVERY_CATEGORY.equals(rulePath.trim())) {
      return true;
    }
    String rule = key(rulePath);
    String product = key(category);
    return product.equals(rule) || product.startsWith(rule + "/");
  }

  /** The form two paths are compared in. */
  public static String key(String path) {
    return clean(path).toLowerCase(Locale.ROOT);
  }
}
