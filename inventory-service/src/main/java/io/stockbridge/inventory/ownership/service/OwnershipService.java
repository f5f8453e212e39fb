package io.stockbridge.inventory.ownership.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.ownership.config.OwnershipConfig;
import io.stockbridge.inventory.ownership.repository.OwnershipLogEntry;
import io.stockbridge.inventory.ownership.repository.OwnershipChangeLog;
import io.stockbridge.inventory.ownership.repository.OwnershipMode;
import io.stockbridge.inventory.ownership.repository.SkuOwnership;
import io.stockbridge.inventory.ownership.repository.SkuOwnershipRepository;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Records who owns a SKU's stock (rule INV-2) and when a change takes effect (rule INV-6).
 */
@ApplicationScoped
public class OwnershipService {
  private final SkuOwnershipRepository repository;
  private final StockLedgerRepository skus;
  private final OwnershipChangeLog log;
  private final OwnershipConfig config;
  private final Clock clock;

  public OwnershipService(SkuOwnershipRepository repository, StockLedgerRepository skus, OwnershipChangeLog log,
      OwnershipConfig config) {
    this.repository = repository;
    this.log = log;
    this.skus = skus;
    this.config = config;
    this.clock = Clock.systemUTC();
  }

  @WithSession
  public Uni<SkuOwnership> find(String sellerId, String sellerSku) {
    return repository.findBySku(sellerId, sellerSku)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("SKU ownership", sellerSku));
  }

  /**
   * The first assignment governs at once; a later change only after the channel's cache refresh window, because
   * until then the channel still acts on the previous mode (INV-6).
   */
  @WithTransaction
  public Uni<SkuOwnership> change(String sellerId, String sellerSku, OwnershipMode mode, String integrationId,
      String actor) {
    validate(mode, integrationId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    // ownership of a SKU the seller does not have is not created: 404, as for any other unknown thing
    return skus.knownSkus(sellerId, java.util.Set.of(sellerSku)).invoke(known -> {
      if (!known.contains(sellerSku)) {
        throw ProblemException.notFound("SKU", sellerSku);
      }
    }).chain(() -> repository.findBySku(sellerId, sellerSku)).chain(existing -> {
      if (existing == null) {
        SkuOwnership created = SkuOwnership.first(sellerId, sellerSku, mode, integrationId, actor, now);
        return repository.persist(created)
            .call(() -> log.record(sellerId, List.of(OwnershipLogEntry.of(created, null, null, null))));
      }
      if (existing.isOwnedBy(mode, integrationId)) {
        return Uni.createFrom().item(existing);
      }
      OwnershipMode fromMode = existing.modeAt(now);
      String fromIntegration = existing.integrationAt(now);
      existing.handTo(mode, integrationId, actor, now, config.cacheRefreshWindow());
      return log.record(sellerId, List.of(OwnershipLogEntry.of(existing, fromMode, fromIntegration, null)))
          .replaceWith(existing);
    });
  }

  /** The ownership log, oldest first, of one SKU or all. */
  @WithSession
  public Uni<List<OwnershipLogEntry>> changes(String sellerId, String sellerSku, long afterId, int limit) {
    return log.after(sellerId, sellerSku, afterId, limit);
  }

  /** Refuses an owner that cannot be: an EXTERNAL one without integration, or a MANUAL one with one. */
  static void validate(OwnershipMode mode, String integrationId) {
    if (mode == OwnershipMode.EXTERNAL && (integrationId == null || integrationId.isBlank())) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "An EXTERNAL SKU needs its owning integration",
          List.of(new FieldError("integrationId", "required", "required when mode is EXTERNAL")));
    }
    if (mode == OwnershipMode.MANUAL && integrationId != null) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "A MANUAL SKU has no owning integration",
          List.of(new FieldError("integrationId", "not_allowed", "must be absent when mode is MANUAL")));
    }
  }
}
