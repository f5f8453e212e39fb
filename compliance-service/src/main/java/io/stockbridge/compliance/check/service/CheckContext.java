package io.stockbridge.compliance.check.service;

import java.util.List;

import io.stockbridge.compliance.category.repository.MarketCategoryRepository.MarketCategory;
import io.stockbridge.compliance.categoryaccess.repository.CategoryAccessRequest;
import io.stockbridge.compliance.document.repository.ComplianceDocument;
import io.stockbridge.compliance.rule.service.RuleSet;
import io.stockbridge.compliance.tin.service.TinStanding;

/**
 * Everything a check of one seller in one market reads, loaded once: the rules in force, the category tree, the
 * seller's access requests, documents and tax id standing.
 */
public record CheckContext(RuleSet rules, List<MarketCategory> categories,
    List<CategoryAccessRequest> accessRequests, List<ComplianceDocument> documents, TinStanding tin) {
}
