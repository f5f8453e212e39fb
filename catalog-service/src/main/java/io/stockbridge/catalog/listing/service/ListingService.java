package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.connection.repository.ChannelConnectionRepository;
import io.stockbridge.catalog.connection.repository.ChannelConnectionStatus;
import io.stockbridge.catalog.listing.ListingAttemptView;
import io.stockbridge.catalog.listing.ListingDraft;
import io.stockbridge.catalog.listing.ListingView;
import io.stockbridge.catalog.listing.repository.Listing;
import io.stockbridge.catalog.listing.repository.ListingAttemptRepository;
import io.stockbridge.catalog.listing.repository.ListingFailures;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.catalog.product.repository.ProductRepository;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/** Listings as drafts and as records: made, read, listed with their attempts. Publication is {@link ListingPublisher}. */
@ApplicationScoped
public class ListingService {
  private final ListingRepository listings;
  private final ListingAttemptRepository attempts;
  private final ProductRepository products;
  private final ChannelConnectionRepository connections;
  private final SuiteClock clock;

  public ListingService(ListingRepository listings, ListingAttemptRepository attempts, ProductRepository products,
      ChannelConnectionRepository connections, SuiteClock clock) {
    this.listings = listings;
    this.attempts = attempts;
    this.products = products;
    this.connections = connections;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<ListingView> createDraft(String sellerId, ListingDraft draft) {
    return products.findOwned(sellerId, draft.productId())
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Product", draft.productId().toString()))
        .chain(product -> connections.findOwned(sellerId, draft.connectionId()))
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Channel connection",
            draft.connectionId().toString()))
        .chain(connection -> {
          if (connection.status == ChannelConnectionStatus.REVOKED) {
            throw ProblemException.conflict(CatalogProblem.CONNECTION_REVOKED,
                "This connection was replaced or given up; list on the seller's current connection");
          }
          return listings.count("productId = ?1 and connectionId = ?2 and market = ?3", draft.productId(),
              draft.connectionId(), draft.market());
        })
        .chain(existing -> {
          if (existing > 0) {
            throw ProblemException.conflict(CatalogProblem.LISTING_EXISTS,
                "The product already has a listing on this connection in " + draft.market());
          }
          OffsetDateTime now = clock.now();
          Listing listing = new Listing();
          listing.id = UUID.randomUUID();
          listing.sellerId = sellerId;
          listing.productId = draft.productId();
          listing.connectionId = draft.connectionId();
          listing.market = draft.market();
          listing.status = ListingStatus.DRAFT;
          listing.failures = ListingFailures.NONE;
          listing.channelSkus = Map.of();
          listing.createdAt = now;
          listing.updatedAt = now;
          return listings.persist(listing).map(ListingView::of);
        });
  }

  @WithSession
  public Uni<ListingView> find(String sellerId, UUID id) {
    return owned(sellerId, id).map(ListingView::of);
  }

  @WithSession
  public Uni<Page<ListingView>> list(String sellerId, ListingStatus status, UUID productId, String cursor, int limit) {
    return listings.page(sellerId, status, productId, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, row -> new PageCursor(row.createdAt, row.id), ListingView::of));
  }

  @WithSession
  public Uni<List<ListingAttemptView>> attempts(String sellerId, UUID id) {
    return owned(sellerId, id).chain(listing -> attempts.ofListing(listing.id))
        .map(rows -> rows.stream().map(ListingAttemptView::of).toList());
  }

  private Uni<Listing> owned(String sellerId, UUID id) {
    return listings.findOwned(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Listing", id.toString()));
  }

}
