package io.stockbridge.compliance.dashboard.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.check.repository.PublicationCheckRecord;
import io.stockbridge.compliance.check.repository.PublicationCheckRepository;
import io.stockbridge.compliance.check.service.CheckContext;
import io.stockbridge.compliance.check.service.CheckContextLoader;
import io.stockbridge.compliance.check.service.PublicationCheck;
import io.stockbridge.compliance.config.ComplianceConfig;
import io.stockbridge.compliance.dashboard.DashboardView;
import io.stockbridge.compliance.dashboard.DashboardView.ExpiringDocument;
import io.stockbridge.compliance.dashboard.DashboardView.MarketSection;
import io.stockbridge.compliance.dashboard.DashboardView.Payouts;
import io.stockbridge.compliance.dashboard.DashboardView.ProductStanding;
import io.stockbridge.compliance.document.repository.ComplianceDocument;
import io.stockbridge.compliance.document.repository.DocumentStatus;
import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.time.SuiteClock;

/**
 * The seller's compliance dashboard: every product that was ever checked is judged again as of today, on the
 * facts of its latest check, so an expired certificate or a rule change shows before the next publish fails.
 */
@ApplicationScoped
public class DashboardService {
  private final CheckContextLoader contexts;
  private final PublicationCheck judge;
  private final PublicationCheckRepository checks;
  private final ComplianceConfig config;
  private final SuiteClock clock;

  public DashboardService(CheckContextLoader contexts, PublicationCheck judge, PublicationCheckRepository checks,
      ComplianceConfig config, SuiteClock clock) {
    this.contexts = contexts;
    this.judge = judge;
    this.checks = checks;
    this.config = config;
    this.clock = clock;
  }

  /** @param market one market, or null for every market with something to show */
  @WithSession
  public Uni<DashboardView> dashboard(String sellerId, Market market, String afterProductId, int limit) {
    LocalDate today = clock.now().toLocalDate();
    List<Market> markets = market == null ? List.of(Market.values()) : List.of(market);
    // one market after the other: a reactive session runs one query at a time
    return Multi.createFrom().iterable(markets)
        .onItem().transformToUniAndConcatenate(each -> section(sellerId, each, afterProductId, limit, today))
        .filter(section -> market != null || !section.products().isEmpty()
            || !section.expiringDocuments().isEmpty() || section.payouts().tinRequired())
        .collect().asList()
        .map(sections -> new DashboardView(sellerId, clock.now(), sections));
  }

  private Uni<MarketSection> section(String sellerId, Market market, String afterProductId, int limit,
      LocalDate today) {
    return contexts.load(sellerId, market).chain(context -> checks
        .latestPerProduct(sellerId, market, afterProductId, limit + 1)
        .map(latest -> {
          List<PublicationCheckRecord> distinct = distinctProducts(latest);
          boolean more = distinct.size() > limit;
          List<PublicationCheckRecord> page = more ? distinct.subList(0, limit) : distinct;
          List<ProductStanding> products = page.stream().map(check -> standing(check, context, today)).toList();
          return new MarketSection(market, context.rules().version(), payouts(context, market, today), products,
              more ? page.get(page.size() - 1).productId : null, expiring(context, today));
        }));
  }

  private ProductStanding standing(PublicationCheckRecord check, CheckContext context, LocalDate today) {
    PublicationCheck.Outcome outcome = judge.judge(check.request, context, today);
    return new ProductStanding(check.productId, check.category, check.createdAt, outcome.compliant(),
        outcome.failures(), outcome.warnings());
  }

  private static Payouts payouts(CheckContext context, Market market, LocalDate today) {
    if (!context.tin().required()) {
      return new Payouts(false, false, null);
    }
    boolean verified = context.documents().stream()
        .anyMatch(doc -> doc.type == DocumentType.TIN && doc.market == market && doc.usableOn(today));
    return verified ? new Payouts(false, true, null) : new Payouts(true, true,
        "Sales in " + market + " reached USD " + context.tin().amountUsd().toPlainString() + " in "
            + context.tin().firstMonthAbove() + ", above the monthly threshold; without a verified tax id (TIN) "
            + "payouts are frozen");
  }

  private List<ExpiringDocument> expiring(CheckContext context, LocalDate today) {
    LocalDate horizon = today.plusDays(config.documents().expiryWarningDays());
    return context.documents().stream()
        .filter(doc -> doc.expiresAt != null && DocumentStatus.EXPIRABLE.contains(doc.statusOn(today))
            && !doc.expiresAt.isAfter(horizon))
        .sorted(Comparator.comparing((ComplianceDocument doc) -> doc.expiresAt).thenComparing(doc -> doc.id))
        .map(doc -> new ExpiringDocument(doc.id, doc.type, doc.number, doc.statusOn(today), doc.expiresAt))
        .toList();
  }

  /** Two checks of one product in the same microsecond both count as "latest": keep one. */
  private static List<PublicationCheckRecord> distinctProducts(List<PublicationCheckRecord> latest) {
    Set<String> seen = new LinkedHashSet<>();
    List<PublicationCheckRecord> distinct = new ArrayList<>();
    for (PublicationCheckRecord check : latest) {
      if (seen.add(check.productId)) {
        distinct.add(check);
      }
    }
    return distinct;
  }
}
