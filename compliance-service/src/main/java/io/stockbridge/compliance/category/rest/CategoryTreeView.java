package io.stockbridge.compliance.category.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.category.repository.MarketCategoryRepository.MarketCategory;
import io.stockbridge.compliance.market.CategoryPath;
import io.stockbridge.compliance.market.Market;

@Schema(description = "A market's category tree with its whitelist (LST-2)")
public record CategoryTreeView(Market market,
    @Schema(description = "How many top-level categories are open to every seller") long openTopLevelCategories,
    List<TopLevelCategory> categories) {

  public static CategoryTreeView of(Market market, List<MarketCategory> rows) {
    Map<String, List<MarketCategory>> groups = new LinkedHashMap<>();
    for (MarketCategory row : rows) {
      groups.computeIfAbsent(CategoryPath.topLevel(row.path()), key -> new ArrayList<>()).add(row);
    }
    List<TopLevelCategory> tops = groups.entrySet().stream().map(group -> {
      MarketCategory top = group.getValue().stream().filter(row -> row.path().equals(group.getKey())).findFirst()
          .orElse(group.getValue().get(0));
      List<String> children = group.getValue().stream().map(MarketCategory::path)
          .filter(path -> !path.equals(group.getKey())).toList();
      return new TopLevelCategory(group.getKey(), top.whitelisted(), children);
    }).toList();
    return new CategoryTreeView(market, tops.stream().filter(TopLevelCategory::whitelisted).count(), tops);
  }

  @Schema(description = "A top-level category: open to all (whitelisted) or by invitation; its sub-categories follow it")
  public record TopLevelCategory(String path, boolean whitelisted, List<String> subcategories) {
  }
}
