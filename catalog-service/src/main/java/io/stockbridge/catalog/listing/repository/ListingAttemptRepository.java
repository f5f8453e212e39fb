package io.stockbridge.catalog.listing.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ListingAttemptRepository implements PanacheRepositoryBase<ListingAttempt, UUID> {

  public Uni<List<ListingAttempt>> ofListing(UUID listingId) {
    return list("listingId = ?1 order by attemptedAt desc, id", listingId);
  }

  /** The listing's submission still waiting for its audit result. */
  public Uni<ListingAttempt> inReview(UUID listingId) {
    return find("listingId = ?1 and outcome = ?2 order by attemptedAt desc", listingId, AttemptOutcome.IN_REVIEW)
        .firstResult();
  }

  /** LST-4: failed submissions of a seller SKU since {@code since}, whichever listing they were made for. */
  public Uni<Long> failedSubmissions(String sellerId, String sellerSku, OffsetDateTime since) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select count(*) from listing_attempt where seller_id = :seller and submitted and outcome = 'FAILED' "
                + "and seller_skus @> array[cast(:sku as text)] and coalesce(decided_at, attempted_at) > :since",
            Long.class)
        .setParameter("seller", sellerId).setParameter("sku", sellerSku).setParameter("since", since)
        .getSingleResult());
  }
}
