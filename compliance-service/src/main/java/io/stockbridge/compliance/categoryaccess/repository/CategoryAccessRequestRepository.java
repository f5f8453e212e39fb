package io.stockbridge.compliance.categoryaccess.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;

@ApplicationScoped
public class CategoryAccessRequestRepository implements PanacheRepositoryBase<CategoryAccessRequest, UUID> {

  public Uni<CategoryAccessRequest> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  public Uni<Boolean> hasPending(String sellerId, Market market, String category) {
    return count("sellerId = ?1 and market = ?2 and category = ?3 and status = ?4", sellerId, market, category,
        AccessRequestStatus.PENDING).map(count -> count > 0);
  }

  public Uni<List<CategoryAccessRequest>> ofSeller(String sellerId, Market market) {
    return list("sellerId = ?1 and market = ?2 order by createdAt, id", sellerId, market);
  }

  /** One page in (createdAt, id) order; {@code sellerId} null lists every seller's requests (for reviewers). */
  public Uni<List<CategoryAccessRequest>> page(String sellerId, AccessRequestStatus status, Market market,
      PageCursor after, int limit) {
    KeysetQuery query = KeysetQuery.all()
        .and("sellerId = :seller", "seller", sellerId)
        .and("status = :status", "status", status)
        .and("market = :market", "market", market)
        .after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }
}
