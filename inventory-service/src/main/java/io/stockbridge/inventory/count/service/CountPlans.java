package io.stockbridge.inventory.count.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.count.CountPlanKind;
import io.stockbridge.inventory.count.CountPlanRequest;
import io.stockbridge.inventory.count.CountPlanView;
import io.stockbridge.inventory.count.CountPurpose;
import io.stockbridge.inventory.count.config.CountConfig;
import io.stockbridge.inventory.count.repository.CountPlan;
import io.stockbridge.inventory.count.repository.CountPlanRepository;
import io.stockbridge.inventory.count.repository.ShelfItem;
import io.stockbridge.inventory.count.repository.WarehouseShelf;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Count plans per warehouse (rule CNT-1): cycle counts by velocity class, full counts, and campaign counts before and
 * after a promotion. A due plan produces its count ({@link #produce}); {@link CountGeneration} finds the due ones.
 */
@ApplicationScoped
public class CountPlans {
  private final CountPlanRepository plans;
  private final WarehouseShelf shelf;
  private final StockCounts counts;
  private final CountConfig config;
  private final SuiteClock clock;

  public CountPlans(CountPlanRepository plans, WarehouseShelf shelf, StockCounts counts, CountConfig config,
      SuiteClock clock) {
    this.plans = plans;
    this.shelf = shelf;
    this.counts = counts;
    this.config = config;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<CountPlanView> create(String sellerId, CountPlanRequest request) {
    OffsetDateTime now = clock.now();
    validate(request);
    return shelf.known(sellerId, request.warehouseId()).chain(known -> {
      if (!known) {
        throw ProblemException.notFound("Warehouse", request.warehouseId());
      }
      return request.kind() != CountPlanKind.CAMPAIGN ? Uni.createFrom().voidItem()
          : shelf.items(sellerId, request.warehouseId(), now, request.sellerSkus())
              .invoke(found -> StockCounts.requireAll(request.sellerSkus(), found, "sellerSkus")).replaceWithVoid();
    }).chain(() -> {
      CountPlan plan = new CountPlan();
      plan.id = UUID.randomUUID();
      plan.sellerId = sellerId;
      plan.warehouseId = request.warehouseId();
      plan.kind = request.kind();
      plan.name = request.name();
      plan.startsAt = request.startsAt();
      plan.endsAt = request.endsAt();
      plan.sellerSkus = request.kind() == CountPlanKind.CAMPAIGN ? String.join(" ", request.sellerSkus()) : null;
      plan.active = true;
      plan.createdAt = now;
      OffsetDateTime first = request.kind() == CountPlanKind.CAMPAIGN
          ? request.startsAt().minus(config.campaignLead()) : request.startsAt();
      plan.nextRunAt = first == null || first.isBefore(now) ? now : first;
      return plans.persist(plan).map(CountPlanView::of);
    });
  }

  @WithSession
  public Uni<CountPlanView> find(String sellerId, UUID id) {
    return owned(sellerId, id).map(CountPlanView::of);
  }

  @WithSession
  public Uni<Page<CountPlanView>> list(String sellerId, String warehouseId, String cursor, int limit) {
    return plans.page(sellerId, warehouseId, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, plan -> new PageCursor(plan.createdAt, plan.id), CountPlanView::of));
  }

  /** Stops a plan: it produces no more counts (the counts it made stay). */
  @WithTransaction
  public Uni<CountPlanView> stop(String sellerId, UUID id) {
    return owned(sellerId, id).map(plan -> {
      plan.active = false;
      plan.nextRunAt = null;
      return CountPlanView.of(plan);
    });
  }

  /** Produces a due plan's count and schedules its next one; call within a transaction. */
  Uni<Void> produce(UUID planId) {
    OffsetDateTime now = clock.now();
    return plans.findById(planId).chain(plan -> {
      if (plan == null || !plan.active || plan.nextRunAt == null || plan.nextRunAt.isAfter(now)) {
        return Uni.createFrom().voidItem();
      }
      OffsetDateTime since = now.minus(config.velocityWindow());
      Uni<?> made = switch (plan.kind) {
        case CYCLE -> shelf.items(plan.sellerId, plan.warehouseId, since).chain(items -> {
          Map<String, String> slice = CycleSlice.due(items, CycleSlice.classes(items, config), now, config);
          List<ShelfItem> chosen = items.stream().filter(item -> slice.containsKey(item.sellerSku())).toList();
          return chosen.isEmpty() ? Uni.createFrom().voidItem()
              : counts.start(plan.sellerId, plan.warehouseId, plan.id, CountPurpose.CYCLE, chosen, slice);
        });
        case FULL -> shelf.items(plan.sellerId, plan.warehouseId, since)
            .chain(items -> counts.start(plan.sellerId, plan.warehouseId, plan.id, CountPurpose.FULL, items, Map.of()));
        case CAMPAIGN -> shelf.items(plan.sellerId, plan.warehouseId, since, List.of(plan.sellerSkus.split(" ")))
            .chain(items -> counts.start(plan.sellerId, plan.warehouseId, plan.id, plan.lastRunAt == null
                ? CountPurpose.CAMPAIGN_BEFORE : CountPurpose.CAMPAIGN_AFTER, items, Map.of()));
      };
      return made.invoke(() -> schedule(plan, now)).replaceWithVoid();
    });
  }

  private void schedule(CountPlan plan, OffsetDateTime now) {
    boolean firstCampaignCount = plan.kind == CountPlanKind.CAMPAIGN && plan.lastRunAt == null;
    plan.lastRunAt = now;
    plan.nextRunAt = switch (plan.kind) {
      case CYCLE -> now.plus(config.cycleEvery());
      case FULL -> null;
      case CAMPAIGN -> firstCampaignCount ? (plan.endsAt.isBefore(now) ? now : plan.endsAt) : null;
    };
    plan.active = plan.nextRunAt != null;
  }

  private Uni<CountPlan> owned(String sellerId, UUID id) {
    return plans.findOwned(sellerId, id).map(plan -> {
      if (plan == null) {
        throw ProblemException.notFound("Count plan", id.toString());
      }
      return plan;
    });
  }

  private static void validate(CountPlanRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.kind() == CountPlanKind.CAMPAIGN) {
      if (request.startsAt() == null) {
        errors.add(new FieldError("startsAt", "required", "a campaign plan names when the promotion starts"));
      }
      if (request.endsAt() == null) {
        errors.add(new FieldError("endsAt", "required", "a campaign plan names when the promotion ends"));
      } else if (request.startsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
        errors.add(new FieldError("endsAt", "before_start", "must be after startsAt"));
      }
      if (request.sellerSkus() == null || request.sellerSkus().isEmpty()) {
        errors.add(new FieldError("sellerSkus", "required", "a campaign plan names the SKUs it sells"));
      }
    } else if (request.sellerSkus() != null && !request.sellerSkus().isEmpty()) {
      errors.add(new FieldError("sellerSkus", "not_allowed", "only a campaign plan names SKUs"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The count plan is not valid", errors);
    }
  }
}
