package io.stockbridge.compliance.category.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.ComplianceProblem;
import io.stockbridge.compliance.category.repository.MarketCategoryRepository;
import io.stockbridge.compliance.category.repository.MarketCategoryRepository.MarketCategory;
import io.stockbridge.compliance.market.CategoryPath;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * The category trees of the markets and their whitelist (rule LST-2).
 */
@ApplicationScoped
public class CategoryDirectory {
  private final MarketCategoryRepository categories;

  public CategoryDirectory(MarketCategoryRepository categories) {
    this.categories = categories;
  }

  /** A market's categories, parents before their children. */
  @WithSession
  public Uni<List<MarketCategory>> tree(Market market) {
    return categories.of(market);
  }

  /** Where a category stands; call inside a session. */
  public Uni<CategoryStanding> standing(Market market, String category) {
    return categories.of(market).map(rows -> standing(rows, category));
  }

  /** The whole tree, for callers that judge many categories of one market. */
  public Uni<List<MarketCategory>> categoriesOf(Market market) {
    return categories.of(market);
  }

  public static CategoryStanding standing(List<MarketCategory> tree, String category) {
    String wanted = CategoryPath.key(category);
    String top = CategoryPath.key(CategoryPath.topLevel(category));
    MarketCategory topLevel = null;
    boolean known = false;
    for (MarketCategory row : tree) {
      String key = CategoryPath.key(row.path());
      if (key.equals(top)) {
        topLevel = row;
      }
      // a path below a known leaf (Beauty/Skincare/Serums) is the seller's own refinement: its top level decides
      known |= key.equals(wanted) || wanted.startsWith(key + "/");
    }
    if (topLevel == null || !known) {
      return new CategoryStanding(CategoryStanding.Access.UNKNOWN, null);
    }
    return new CategoryStanding(topLevel.whitelisted() ? CategoryStanding.Access.OPEN
        : CategoryStanding.Access.INVITATION_ONLY, topLevel.path());
  }

  /**
   * A platform admin opens or closes a top-level category of a market (the whitelist changes over time); answers the
   * market's categories as they are now.
   */
  @WithTransaction
  public Uni<List<MarketCategory>> setWhitelisted(Market market, String category, boolean whitelisted) {
    return categories.of(market).chain(rows -> {
      CategoryStanding standing = standing(rows, category);
      if (standing.access() == CategoryStanding.Access.UNKNOWN || !CategoryPath.key(category)
          .equals(CategoryPath.key(standing.topLevel()))) {
        throw ProblemException.badRequest(ComplianceProblem.UNKNOWN_CATEGORY, "Only a top-level category of the market's tree "
            + "is opened or closed", List.of(new FieldError("path", "unknown_top_level_category",
                "'" + category + "' is not a top-level category of " + market)));
      }
      return categories.setWhitelisted(market, standing.topLevel(), whitelisted)
          .chain(() -> categories.of(market));
    });
  }
}
