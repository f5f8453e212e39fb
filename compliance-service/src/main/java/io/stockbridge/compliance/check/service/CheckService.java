package io.stockbridge.compliance.check.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.check.CheckRequest;
import io.stockbridge.compliance.check.CheckView;
import io.stockbridge.compliance.check.repository.Findings;
import io.stockbridge.compliance.check.repository.PublicationCheckRecord;
import io.stockbridge.compliance.check.repository.PublicationCheckRepository;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * The publication check catalog-service calls before every publish: judged against the current rule set, recorded
 * with that version.
 */
@ApplicationScoped
public class CheckService {
  private final CheckContextLoader contexts;
  private final PublicationCheck judge;
  private final PublicationCheckRepository checks;
  private final MeterRegistry registry;
  private final SuiteClock clock;

  public CheckService(CheckContextLoader contexts, PublicationCheck judge, PublicationCheckRepository checks,
      MeterRegistry registry, SuiteClock clock) {
    this.contexts = contexts;
    this.judge = judge;
    this.checks = checks;
    this.registry = registry;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<CheckView> check(String sellerId, String actor, CheckRequest request) {
    return contexts.load(sellerId, request.market()).chain(context -> {
      PublicationCheck.Outcome outcome = judge.judge(request, context, clock.now().toLocalDate());
      PublicationCheckRecord record = new PublicationCheckRecord();
      record.id = UUID.randomUUID();
      record.sellerId = sellerId;
      record.market = request.market();
      record.category = request.category();
      record.productId = request.productId();
      record.request = request;
      record.ruleVersion = outcome.ruleVersion();
      record.compliant = outcome.compliant();
      record.findings = new Findings(outcome.failures(), outcome.warnings());
      record.checkedBy = actor;
      record.createdAt = clock.now();
      registry.counter("stockbridge_publication_checks_total", "market", request.market().name(),
          "compliant", String.valueOf(outcome.compliant())).increment();
      return checks.persist(record).map(CheckView::of);
    });
  }

  @WithSession
  public Uni<CheckView> find(String sellerId, UUID id) {
    return checks.findOwned(sellerId, id).onItem().ifNull()
        .failWith(() -> ProblemException.notFound("Check", id.toString())).map(CheckView::of);
  }

  @WithSession
  public Uni<Page<CheckView>> list(String sellerId, Market market, String productId, String cursor, int limit) {
    return checks.page(sellerId, market, productId, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, row -> new PageCursor(row.createdAt, row.id), CheckView::of));
  }
}
