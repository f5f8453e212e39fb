package io.stockbridge.catalog.connection.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.persistence.LeasedClaim;

@ApplicationScoped
public class ChannelConnectionRepository implements PanacheRepositoryBase<ChannelConnection, UUID> {

  public Uni<ChannelConnection> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  public Uni<ChannelConnection> findByState(String stateHash) {
    return find("stateHash", stateHash).firstResult();
  }

  public Uni<List<ChannelConnection>> page(String sellerId, PageCursor after, int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId).after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }

  /** Other live connections of the same shop, which a new authorisation replaces (CH-2). */
  public Uni<List<ChannelConnection>> othersOfShop(Channel channel, String shopId, UUID except) {
    return list("channel = :channel and shopId = :shop and id <> :id and status in :live", Parameters
        .with("channel", channel).and("shop", shopId).and("id", except)
        .and("live", List.of(ChannelConnectionStatus.ACTIVE, ChannelConnectionStatus.REAUTHORIZATION_REQUIRED)));
  }

  private static final LeasedClaim REFRESH_CLAIM = LeasedClaim.from("channel_connection", "c")
      .where("c.status = 'ACTIVE' and c.access_expires_at < :horizon")
      .leasedBy("refresh_claimed_until")
      .orderBy("access_expires_at")
      .build();

  /**
   * Claims the active connections whose access token expires before {@code horizon} for one refresh each: a claim
   * keeps other replicas off until {@code leaseUntil}, so a refresh token is never spent twice.
   */
  public Uni<List<UUID>> claimDueForRefresh(OffsetDateTime horizon, OffsetDateTime now, OffsetDateTime leaseUntil,
      int limit) {
    return getSession().chain(session -> session.createNativeQuery(REFRESH_CLAIM.sql(), UUID.class)
        .setParameter("lease", leaseUntil).setParameter("horizon", horizon).setParameter("now", now)
        .setParameter("limit", limit)
        .getResultList());
  }
}
