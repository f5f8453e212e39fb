package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.listing.repository.AttemptOutcome;
import io.stockbridge.catalog.listing.repository.ListingAttemptRepository;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingFailures;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.platform.time.SuiteClock;

/**
 * The channel's audit result for a submitted listing (arriving by webhook): live, or failed with the channel's
 * reasons. A rejection is a failed submission and counts towards the 72-hour lock (LST-4).
 */
@ApplicationScoped
public class ListingAudits {
  private final ListingRepository listings;
  private final ListingAttemptRepository attempts;
  private final ListingStatusChanges changes;
  private final PublicationLockPolicy lockPolicy;
  private final SuiteClock clock;

  public ListingAudits(ListingRepository listings, ListingAttemptRepository attempts, ListingStatusChanges changes,
      PublicationLockPolicy lockPolicy, SuiteClock clock) {
    this.listings = listings;
    this.attempts = attempts;
    this.changes = changes;
    this.lockPolicy = lockPolicy;
    this.clock = clock;
  }

  /** Call inside a transaction. A result for an unknown product, or a listing not in review, changes nothing. */
  public Uni<Void> auditResult(UUID connectionId, String channelProductId, boolean passed, List<String> reasons) {
    OffsetDateTime now = clock.now();
    return listings.lockByChannelProduct(connectionId, channelProductId).chain(listing -> {
      if (listing == null || listing.status != ListingStatus.IN_REVIEW) {
        Log.infof("Audit result for channel product %s ignored: %s", channelProductId,
            listing == null ? "no listing has it" : "its listing is " + listing.status);
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
    });
  }
}
