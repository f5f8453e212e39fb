package io.stockbridge.compliance.check.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.category.service.CategoryDirectory;
import io.stockbridge.compliance.categoryaccess.service.CategoryAccessService;
import io.stockbridge.compliance.document.repository.ComplianceDocumentRepository;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.compliance.rule.service.RequirementRuleService;
import io.stockbridge.compliance.tin.service.TinPolicy;

/**
 * Loads what a check of one seller in one market reads. Call inside a session; the reads run one after the other,
 * as a reactive session allows.
 */
@ApplicationScoped
public class CheckContextLoader {
  private final RequirementRuleService rules;
  private final CategoryDirectory categories;
  private final CategoryAccessService access;
  private final ComplianceDocumentRepository documents;
  private final TinPolicy tin;

  public CheckContextLoader(RequirementRuleService rules, CategoryDirectory categories, CategoryAccessService access,
      ComplianceDocumentRepository documents, TinPolicy tin) {
    this.rules = rules;
    this.categories = categories;
    this.access = access;
    this.documents = documents;
    this.tin = tin;
  }

  public Uni<CheckContext> load(String sellerId, Market market) {
    return rules.current(market).chain(ruleSet -> categories.categoriesOf(market)
        .chain(tree -> access.ofSeller(sellerId, market)
            .chain(requests -> documents.ofSeller(sellerId, market)
                .chain(docs -> tin.standing(sellerId, market)
                    .map(standing -> new CheckContext(ruleSet, tree, requests, docs, standing))))));
  }
}
