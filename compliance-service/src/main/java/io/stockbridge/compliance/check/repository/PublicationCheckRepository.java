package io.stockbridge.compliance.check.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;

@ApplicationScoped
public class PublicationCheckRepository implements PanacheRepositoryBase<PublicationCheckRecord, UUID> {

  public Uni<PublicationCheckRecord> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  public Uni<List<PublicationCheckRecord>> page(String sellerId, Market market, String productId, PageCursor after,
      int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("market = :market", "market", market)
        .and("productId = :product", "product", productId)
        .after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }

  /** The latest check of each product of a seller in a market, by product id, after {@code afterProductId}. */
  public Uni<List<PublicationCheckRecord>> latestPerProduct(String sellerId, Market market, String afterProductId,
      int limit) {
    String query = "from PublicationCheckRecord p where p.sellerId = :seller and p.market = :market "
        + "and p.createdAt = (select max(c.createdAt) from PublicationCheckRecord c "
        + "where c.sellerId = p.sellerId and c.market = p.market and c.productId = p.productId)";
    Parameters parameters = Parameters.with("seller", sellerId).and("market", market);
    if (afterProductId != null) {
      query += " and p.productId > :after";
      parameters.and("after", afterProductId);
    }
    return find(query + " order by p.productId, p.id", parameters).range(0, limit - 1).list();
  }
}
