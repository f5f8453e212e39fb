package io.stockbridge.compliance.categoryaccess.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.ComplianceProblem;
import io.stockbridge.compliance.category.service.CategoryDirectory;
import io.stockbridge.compliance.category.service.CategoryStanding;
import io.stockbridge.compliance.categoryaccess.AccessDecision;
import io.stockbridge.compliance.categoryaccess.AccessRequestDraft;
import io.stockbridge.compliance.categoryaccess.AccessRequestView;
import io.stockbridge.compliance.categoryaccess.repository.AccessRequestStatus;
import io.stockbridge.compliance.categoryaccess.repository.CategoryAccessRequest;
import io.stockbridge.compliance.categoryaccess.repository.CategoryAccessRequestRepository;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Sellers ask to sell in invitation-only categories; platform admins decide (rule LST-2).
 */
@ApplicationScoped
public class CategoryAccessService {
  private final CategoryAccessRequestRepository repository;
  private final CategoryDirectory categories;
  private final SuiteClock clock;

  public CategoryAccessService(CategoryAccessRequestRepository repository, CategoryDirectory categories, SuiteClock clock) {
    this.repository = repository;
    this.categories = categories;
    this.clock = clock;
  }

  /**
   * Files a request for an invitation-only top-level category of the market's tree; a request for an unknown or
   * an open category is refused, since it could never change anything.
   */
  @WithTransaction
  public Uni<AccessRequestView> request(String sellerId, String actor, AccessRequestDraft draft) {
    return categories.standing(draft.market(), draft.category()).chain(standing -> {
      if (standing.access() == CategoryStanding.Access.UNKNOWN) {
        throw ProblemException.badRequest(ComplianceProblem.UNKNOWN_CATEGORY, "The category is not in the market's tree",
            List.of(new FieldError("category", "unknown_category",
                "'" + draft.category() + "' is not a category of " + draft.market() + "; see /v1/categories")));
      }
      if (standing.access() == CategoryStanding.Access.OPEN) {
        throw ProblemException.conflict(ComplianceProblem.CATEGORY_ALREADY_OPEN,
            standing.topLevel() + " is open to every seller in " + draft.market() + "; no request is needed");
      }
      return repository.hasPending(sellerId, draft.market(), standing.topLevel())
          .chain(pending -> file(sellerId, actor, draft, standing.topLevel(), pending));
    });
  }

  /** Access requests of a seller in a market, oldest first: what a publication check reads. */
  public Uni<List<CategoryAccessRequest>> ofSeller(String sellerId, Market market) {
    return repository.ofSeller(sellerId, market);
  }

  private Uni<AccessRequestView> file(String sellerId, String actor, AccessRequestDraft draft, String topLevel,
      boolean pending) {
    if (pending) {
      throw ProblemException.conflict(ComplianceProblem.ACCESS_REQUEST_PENDING,
          "A request for " + topLevel + " in " + draft.market() + " is already waiting for a decision");
    }
    CategoryAccessRequest request = new CategoryAccessRequest();
    request.id = UUID.randomUUID();
    request.sellerId = sellerId;
    request.market = draft.market();
    request.category = topLevel;
    request.justification = draft.justification();
    request.status = AccessRequestStatus.PENDING;
    request.requestedBy = actor;
    request.createdAt = clock.now();
    return repository.persist(request).map(AccessRequestView::of);
  }

  /** @param sellerId the seller whose request it must be; null for a platform admin, who sees every seller's */
  @WithSession
  public Uni<AccessRequestView> find(String sellerId, UUID id) {
    return load(sellerId, id).map(AccessRequestView::of);
  }

  @WithSession
  public Uni<Page<AccessRequestView>> list(String sellerId, AccessRequestStatus status, Market market, String cursor,
      int limit) {
    return repository.page(sellerId, status, market, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, r -> new PageCursor(r.createdAt, r.id), AccessRequestView::of));
  }

  @WithTransaction
  public Uni<AccessRequestView> decide(UUID id, String reviewer, AccessDecision decision) {
    if (decision.decision() == AccessDecision.Verdict.REJECTED
        && (decision.reason() == null || decision.reason().isBlank())) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "A rejection must tell the seller why",
          List.of(new FieldError("reason", "required", "required when the decision is REJECTED")));
    }
    return load(null, id).map(request -> {
      if (request.status != AccessRequestStatus.PENDING) {
        throw ProblemException.conflict(CommonProblem.ILLEGAL_TRANSITION,
            "The request was already " + request.status.name().toLowerCase() + "; a decision is final");
      }
      request.status = AccessRequestStatus.valueOf(decision.decision().name());
      request.decidedBy = reviewer;
      request.decidedAt = clock.now();
      request.decisionReason = decision.reason();
      return AccessRequestView.of(request);
    });
  }

  private Uni<CategoryAccessRequest> load(String sellerId, UUID id) {
    Uni<CategoryAccessRequest> found = sellerId == null ? repository.findById(id) : repository.findOwned(sellerId, id);
    return found.onItem().ifNull().failWith(() -> ProblemException.notFound("Category access request", id.toString()));
  }
}
