package io.stockbridge.catalog.listing.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;

/** LST-4's locks: a seller SKU that may not be published until a time. */
@ApplicationScoped
public class PublicationLockRepository {

  /** Locks the SKU until {@code until}, or keeps a later lock already there. */
  public Uni<Void> lock(String sellerId, String sellerSku, OffsetDateTime until, String reason) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into publication_lock (seller_id, seller_sku, locked_until, reason) values (:seller, :sku, :until, "
                + ":reason) on conflict (seller_id, seller_sku) do update set locked_until = "
                + "greatest(publication_lock.locked_until, excluded.locked_until), reason = excluded.reason")
        .setParameter("seller", sellerId).setParameter("sku", sellerSku).setParameter("until", until)
        .setParameter("reason", reason).executeUpdate())
        .replaceWithVoid();
  }

  /** The locks on these SKUs still holding at {@code now}, the one lasting longest first. */
  public Uni<List<PublicationLock>> heldAt(String sellerId, Collection<String> sellerSkus, OffsetDateTime now) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select seller_sku, locked_until, reason from publication_lock where seller_id = :seller "
                + "and seller_sku in (:skus) and locked_until > :now order by locked_until desc", Tuple.class)
        .setParameter("seller", sellerId).setParameter("skus", sellerSkus).setParameter("now", now)
        .getResultList())
        .map(rows -> SqlRow.of(rows).stream().map(PublicationLock::of).toList());
  }
}
