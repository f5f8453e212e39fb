package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelpush.service.ChannelPushes;
import io.stockbridge.catalog.listing.repository.Listing;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingFailures;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;

/**
 * What follows from a listing's change of status, inside the transaction that changes it: the ledger's edit locks
 * on its SKUs (INV-1, through the outbox) and the ledger's quantities queued for the channel once it is live.
 */
@ApplicationScoped
public class ListingStatusChanges {
  static final String LEDGER = "inventory-service";
  private static final List<ListingStatus> LOCKING = List.of(ListingStatus.IN_REVIEW, ListingStatus.FROZEN);

  private final ListingRepository listings;
  private final SkuRepository skus;
  private final Outbox outbox;
  private final ChannelPushes pushes;

  public ListingStatusChanges(ListingRepository listings, SkuRepository skus, Outbox outbox, ChannelPushes pushes) {
    this.pushes = pushes;
    this.listings = listings;
    this.skus = skus;
    this.outbox = outbox;
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
}
