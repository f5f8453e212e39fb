package io.stockbridge.inventory.ownership.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.ownership.config.OwnershipConfig;
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
  private final OwnershipConfig config;
  private final Clock clock;

  public OwnershipService(SkuOwnershipRepository repository, StockLedgerRepository skus, OwnershipConfig config) {
    this.repository = repository;
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
        SkuOwnership created = new SkuOwnership();
        created.id = UUID.randomUUID();
        created.sellerId = sellerId;
        created.sellerSku = sellerSku;
        created.mode = mode;
        created.integrationId = integrationId;
        created.effectiveAt = now;
        created.changedBy = actor;
        created.changedAt = now;
        return repository.persist(created);
      }
      if (existing.mode == mode && java.util.Objects.equals(existing.integrationId, integrationId)) {
        return Uni.createFrom().item(existing);
      }
      existing.previousMode = existing.modeAt(now);
      existing.previousIntegrationId = existing.integrationAt(now);
      existing.mode = mode;
      existing.integrationId = integrationId;
      existing.effectiveAt = now.plus(config.cacheRefreshWindow());
      existing.changedBy = actor;
      existing.changedAt = now;
      return Uni.createFrom().item(existing);
    });
  }

  private static void validate(OwnershipMode mode, String integrationId) {
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
