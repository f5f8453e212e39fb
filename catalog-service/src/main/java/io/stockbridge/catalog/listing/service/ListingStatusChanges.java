package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelpush.service.ChannelPushes;
import io.stockbridge.catalog.listing.config.ListingConfig;
import io.stockbridge.catalog.listing.repository.Listing;
import io.stockbridge.catalog.listing.repository.ListingAttemptRepository;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingFailures;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.catalog.listing.repository.PublicationLockRepository;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;

/**
 * What follows from a listing's change of status, inside the transaction that changes it: the ledger's edit locks
 * on its SKUs (INV-1, through the outbox), the ledger's quantities queued for the channel once it is live, and,
 * after a failed submission, the 72-hour publication lock (LST-4).
 */
@ApplicationScoped
public class ListingStatusChanges {
  static final String LEDGER = "inventory-service";
  private static final List<ListingStatus> LOCKING = List.of(ListingStatus.IN_REVIEW, ListingStatus.FROZEN);

  private final ListingRepository listings;
  private final ListingAttemptRepository attempts;
  private final PublicationLockRepository locks;
  private final SkuRepository skus;
  private final Outbox outbox;
  private final ListingConfig config;
  private final ChannelPushes pushes;

  public ListingStatusChanges(ListingRepository listings, ListingAttemptRepository attempts,
      PublicationLockRepository locks, SkuRepository skus, Outbox outbox, ListingConfig config, ChannelPushes pushes) {
    this.pushes = pushes;
    this.listings = listings;
    this.attempts = attempts;
    this.locks = locks;
    this.skus = skus;
    this.outbox = outbox;
    this.config = config;
  }

  /** Moves the listing to {@code to}; when that starts or ends an edit-locking status, tells the ledger. */
  public Uni<Void> move(Listing listing, ListingStatus to, List<ListingFailure> failures, OffsetDateTime now) {
    ListingStatus from = listing.status;
    listing.status = to;
    listing.failures = ListingFailures.of(failures);
    listing.publishingSince = null;
    listing.updatedAt = now;
    Set<ListingStatus> touched = new LinkedHashSet<>();
    for (ListingStatus status : LOCKING) {
      if (status == from || status == to) {
        touched.add(status);
      }
    }
    Uni<Void> live = to == ListingStatus.LIVE && from != to ? pushes.listingLive(listing)
        : Uni.createFrom().voidItem();
    if (touched.isEmpty() || from == to) {
      return live;
    }
    return live.chain(() -> listings.flush()).chain(() -> skus.ofProducts(List.of(listing.productId)))
        .chain(productSkus -> Multi.createFrom().iterable(touched)
            // another listing of the same product (another market) may still hold the lock
            .onItem().transformToUniAndConcatenate(status -> listings.anyOfProductIn(listing.productId, status)
                .chain(held -> Multi.createFrom().iterable(productSkus)
                    .onItem().transformToUniAndConcatenate(sku -> editLock(listing, sku.sellerSku,
                        status.editLock().orElseThrow(), held, now))
                    .collect().asList()))
            .collect().asList())
        .replaceWithVoid();
  }

  private Uni<Void> editLock(Listing listing, String sellerSku, String kind, boolean held, OffsetDateTime now) {
    Map<String, Object> state = Map.of("held", held, "reference", "listing:" + listing.id,
        "reason", held ? "A listing of this SKU is " + listing.status.name().toLowerCase().replace('_', ' ')
            + " on the channel" : "No listing of this SKU holds the lock any more");
    return outbox.enqueue(new OutboxMessage(LEDGER, "/internal/v1/skus/" + sellerSku + "/locks/" + kind,
            "sku.edit-lock-changed", listing.sellerId, state,
            OutboxMessage.Coalesce.time("edit-lock|" + sellerSku + "|" + kind, now.toInstant())))
        .replaceWithVoid();
  }

  /**
   * LST-4: after a failed submission, each SKU with more than the limit of failed submissions in the window is
   * locked from publication for the lock's duration. Returns the SKUs locked now.
   */
  public Uni<List<String>> countFailedSubmission(String sellerId, List<String> sellerSkus, OffsetDateTime now) {
    List<String> locked = new ArrayList<>();
    return Panache.getSession().chain(session -> session.flush())
        .chain(() -> Multi.createFrom().iterable(sellerSkus)
            .onItem().transformToUniAndConcatenate(sku -> attempts.failedSubmissions(sellerId, sku,
                    now.minus(config.failureWindow()))
                .chain(failed -> {
                  if (failed <= config.failedSubmissionsLimit()) {
                    return Uni.createFrom().voidItem();
                  }
                  locked.add(sku);
                  return locks.lock(sellerId, sku, now.plus(config.lockDuration()), failed
                      + " failed submissions within " + config.failureWindow().toHours() + " hours (LST-4)");
                }))
            .collect().asList())
        .replaceWith(locked);
  }
}
