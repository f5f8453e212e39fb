package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import io.stockbridge.platform.webhook.WebhookEvent;

/**
 * What follows from a listing's change of status, inside the transaction that changes it: the ledger's edit locks
 * on its SKUs (INV-1, through the outbox), the ledger's quantities queued for the channel once it is live, and the
 * seller's webhook subscribers told (listing.status_changed).
 */
@ApplicationScoped
public class ListingStatusChanges {
  static final String LEDGER = "inventory-service";
  private static final List<ListingStatus> LOCKING = List.of(ListingStatus.IN_REVIEW, ListingStatus.FROZEN,
      ListingStatus.DELISTING);

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
    Uni<Void> live = from == to ? Uni.createFrom().voidItem()
        : subscribersTold(listing, from, now).chain(() -> to == ListingStatus.LIVE ? pushes.listingLive(listing)
            : Uni.createFrom().voidItem());
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

  /**
   * The seller's webhook subscribers hear of the change through inventory-service, which keeps the subscriptions;
   * in order per listing, and under one event id however often the outbox delivers it.
   */
  private Uni<Void> subscribersTold(Listing listing, ListingStatus from, OffsetDateTime now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("listingId", listing.id);
    data.put("productId", listing.productId);
    data.put("connectionId", listing.connectionId);
    data.put("market", listing.market);
    data.put("from", from.name());
    data.put("to", listing.status.name());
    data.put("failures", listing.failures.items());
    data.put("channelProductId", listing.channelProductId);
    WebhookEvent event = new WebhookEvent(UUID.randomUUID().toString(), "listing.status_changed", now, data);
    return outbox.enqueue(OutboxMessage.inSequence(LEDGER, WebhookEvent.PATH, "listing.status-changed",
            listing.sellerId, event, "listing-status|" + listing.id))
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
