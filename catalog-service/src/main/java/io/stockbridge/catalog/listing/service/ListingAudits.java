package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.listing.repository.AttemptOutcome;
import io.stockbridge.catalog.listing.repository.EarlyAuditResults;
import io.stockbridge.catalog.listing.repository.Listing;
import io.stockbridge.catalog.listing.repository.ListingAttemptRepository;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingFailures;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.platform.time.SuiteClock;

/**
 * The channel's audit result for a submitted listing (arriving by webhook): live, or failed with the channel's
 * reasons. A rejection is a failed submission and counts towards the 72-hour lock (LST-4).
 * <p>
 * The channel may send the result before the publication that created the product has recorded it (its create call's
 * answer and the webhook race): such a result is kept and applied when the publication records the product.
 */
@ApplicationScoped
public class ListingAudits {
  private final ListingRepository listings;
  private final ListingAttemptRepository attempts;
  private final ListingStatusChanges changes;
  private final PublicationLockPolicy lockPolicy;
  private final SuiteClock clock;
  private final EarlyAuditResults early;

  public ListingAudits(ListingRepository listings, ListingAttemptRepository attempts, ListingStatusChanges changes,
      PublicationLockPolicy lockPolicy, SuiteClock clock, EarlyAuditResults early) {
    this.early = early;
    this.listings = listings;
    this.attempts = attempts;
    this.changes = changes;
    this.lockPolicy = lockPolicy;
    this.clock = clock;
  }

  /**
   * Call inside a transaction. A result for a product no listing holds yet is kept for the publication recording it;
   * for a listing not in review it changes nothing.
   */
  public Uni<Void> auditResult(UUID connectionId, String channelProductId, boolean passed, List<String> reasons) {
    OffsetDateTime now = clock.now();
    return early.lock(connectionId, channelProductId)
        .chain(() -> listings.lockByChannelProduct(connectionId, channelProductId))
        .chain(listing -> {
          if (listing == null) {
            Log.infof("Audit result for channel product %s kept: no listing holds it yet", channelProductId);
            return early.keep(connectionId, channelProductId, passed, reasons, now);
          }
          return decide(listing, passed, reasons, now);
        });
  }

  /** Call first in the transaction that records a submitted product: the product's webhook waits meanwhile. */
  public Uni<Void> lockProduct(UUID connectionId, String channelProductId) {
    return early.lock(connectionId, channelProductId);
  }

  /**
   * Call inside the transaction that records a submitted product, after {@link #lockProduct} and once the
   * listing holds the product: applies an audit result that arrived first.
   */
  public Uni<Void> applyEarlyResult(UUID connectionId, String channelProductId) {
    return early.take(connectionId, channelProductId).chain(result -> result == null ? Uni.createFrom().voidItem()
        : listings.lockByChannelProduct(connectionId, channelProductId)
            .chain(listing -> decide(listing, result.passed(), result.reasons(), clock.now())));
  }

  /** A day on, an audit result no listing claimed belongs to a product made outside Stockbridge. */
  @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @WithTransaction
  Uni<Void> purgeUnclaimedResults() {
    return early.purgeOlderThan(clock.now().minusDays(1)).replaceWithVoid();
  }

  private Uni<Void> decide(Listing listing, boolean passed, List<String> reasons, OffsetDateTime now) {
    if (listing.status != ListingStatus.IN_REVIEW) {
      Log.infof("Audit result for channel product %s ignored: its listing is %s", listing.channelProductId,
          listing.status);
      return Uni.createFrom().voidItem();
    }
    List<ListingFailure> failures = passed ? List.of() : (reasons.isEmpty()
        ? List.of(new ListingFailure("channel_audit_rejected", null, "The channel's audit rejected the product"))
        : reasons.stream().map(reason -> new ListingFailure("channel_audit_rejected", null, reason)).toList());
    return attempts.inReview(listing.id).chain(attempt -> {
      if (attempt != null) {
        attempt.outcome = passed ? AttemptOutcome.LIVE : AttemptOutcome.FAILED;
        attempt.failures = ListingFailures.of(failures);
        attempt.decidedAt = now;
      }
      return changes.move(listing, passed ? ListingStatus.LIVE : ListingStatus.FAILED, failures, now)
          .chain(() -> passed || attempt == null ? Uni.createFrom().voidItem()
              : lockPolicy.countFailedSubmission(listing.sellerId, List.of(attempt.sellerSkus), now)
                  .replaceWithVoid());
    });
  }
}
