package io.stockbridge.inventory.promotion.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.promotion.config.PromotionConfig;
import io.stockbridge.inventory.promotion.repository.Promotion;
import io.stockbridge.inventory.promotion.repository.PromotionRepository;
import io.stockbridge.inventory.promotion.repository.PromotionStatus;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.inventory.stock.service.UnknownSkus;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.idempotency.IdempotentWrites;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * The promotions a seller protects from hand edits (INV-1). A promotion locks its SKUs from its start to its end
 * unless cancelled; the edit check asks {@link PromotionRepository#runningOn}, so there is no lock to place or
 * lift on time and overlapping promotions stack by themselves.
 */
@ApplicationScoped
public class Promotions {
  private final PromotionRepository repository;
  private final StockLedgerRepository skus;
  private final IdempotentWrites idempotentWrites;
  private final PromotionConfig config;
  private final SuiteClock clock;

  public Promotions(PromotionRepository repository, StockLedgerRepository skus, IdempotentWrites idempotentWrites,
      PromotionConfig config, SuiteClock clock) {
    this.repository = repository;
    this.skus = skus;
    this.idempotentWrites = idempotentWrites;
    this.config = config;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<IdempotentResult<PromotionView>> create(String sellerId, PromotionRequest request, String actor,
      String idempotencyKey) {
    OffsetDateTime now = clock.now();
    checkWindow(request, now);
    List<String> named = List.copyOf(new LinkedHashSet<>(request.sellerSkus()));
    return idempotentWrites.once(sellerId, "promotions", idempotencyKey, request, PromotionView.class,
        () -> skus.knownSkus(sellerId, named).chain(known -> {
          UnknownSkus.refuseAnyOutside(known, request.sellerSkus(), "sellerSkus");
          Promotion promotion = new Promotion(UUID.randomUUID(), sellerId, request.name().strip(), named,
              request.startsAt(), request.endsAt(), null, null, actor, now);
          return repository.insert(promotion).replaceWith(PromotionView.of(promotion, now));
        }));
  }

  @WithSession
  public Uni<PromotionView> find(String sellerId, UUID id) {
    return repository.find(sellerId, id).onItem().ifNull().failWith(() -> ProblemException.notFound("promotion",
        id.toString())).map(promotion -> PromotionView.of(promotion, clock.now()));
  }

  @WithSession
  public Uni<Page<PromotionView>> list(String sellerId, PromotionStatus status, String sellerSku, String cursor,
      int limit) {
    OffsetDateTime now = clock.now();
    return repository.page(sellerId, status, sellerSku, PageCursor.decode(cursor), limit + 1, now).map(found -> {
      boolean more = found.size() > limit;
      List<Promotion> shown = more ? found.subList(0, limit) : found;
      Promotion last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
      return new Page<>(shown.stream().map(promotion -> PromotionView.of(promotion, now)).toList(),
          more ? new PageCursor(last.createdAt(), last.id()).encode() : null);
    });
  }

  /** Cancels it: its SKUs are free again unless another promotion holds them. Cancelling twice is harmless. */
  @WithTransaction
  public Uni<PromotionView> cancel(String sellerId, UUID id, String actor) {
    return repository.cancel(sellerId, id, actor, clock.now()).chain(() -> find(sellerId, id));
  }

  private void checkWindow(PromotionRequest request, OffsetDateTime now) {
    List<FieldError> errors = new ArrayList<>();
    if (!request.endsAt().isAfter(request.startsAt())) {
      errors.add(new FieldError("endsAt", "not_after_start", "must be after startsAt"));
    } else if (!request.endsAt().isAfter(now)) {
      errors.add(new FieldError("endsAt", "in_the_past", "the promotion has already ended"));
    } else if (Duration.between(request.startsAt(), request.endsAt()).compareTo(config.maxDuration()) > 0) {
      errors.add(new FieldError("endsAt", "too_long", "a promotion may last at most " + config.maxDuration().toDays()
          + " days"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The promotion's window is not usable", errors);
    }
  }
}
