package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.listing.ListingView;
import io.stockbridge.catalog.listing.config.ListingConfig;
import io.stockbridge.catalog.listing.repository.AttemptOutcome;
import io.stockbridge.catalog.listing.repository.AttemptStage;
import io.stockbridge.catalog.listing.repository.Listing;
import io.stockbridge.catalog.listing.repository.ListingAttempt;
import io.stockbridge.catalog.listing.repository.ListingAttemptRepository;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingFailures;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.catalog.product.image.ProductImageRepository;
import io.stockbridge.catalog.product.repository.ProductRepository;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Publishes a listing (LST-1..4) in three steps, each run only when the one before found nothing: the local checks
 * on the product's data and decoded images, compliance-service's check, the channel's product call. No transaction
 * is open during the steps: the listing is claimed (PUBLISHING) in one transaction and the result recorded in
 * another, with the attempt kept either way.
 */
@ApplicationScoped
public class ListingPublisher {
  private final ListingRepository listings;
  private final ListingAttemptRepository attempts;
  private final ProductRepository products;
  private final SkuRepository skus;
  private final ProductImageRepository images;
  private final ImageMeasurements measurements;
  private final LocalListingChecks localChecks;
  private final ComplianceGate compliance;
  private final ChannelSubmission channel;
  private final PublicationLockPolicy lockPolicy;
  private final ListingStatusChanges changes;
  private final ListingConfig config;
  private final SuiteClock clock;

  private final ListingAudits audits;

  public ListingPublisher(ListingRepository listings, ListingAttemptRepository attempts, ProductRepository products,
      SkuRepository skus, ProductImageRepository images, ImageMeasurements measurements,
      LocalListingChecks localChecks, ComplianceGate compliance, ChannelSubmission channel,
      PublicationLockPolicy lockPolicy, ListingStatusChanges changes, ListingConfig config, SuiteClock clock,
      ListingAudits audits) {
    this.audits = audits;
    this.listings = listings;
    this.attempts = attempts;
    this.products = products;
    this.skus = skus;
    this.images = images;
    this.measurements = measurements;
    this.localChecks = localChecks;
    this.compliance = compliance;
    this.channel = channel;
    this.lockPolicy = lockPolicy;
    this.changes = changes;
    this.config = config;
    this.clock = clock;
  }

  public Uni<ListingView> publish(String sellerId, String actor, UUID listingId) {
    return Panache.withTransaction(() -> claim(sellerId, actor, listingId, clock.now()))
        .chain(claimed -> claimed.refusal() != null ? Uni.createFrom().failure(claimed.refusal())
            : run(claimed.claim()));
  }

  private Uni<ListingView> run(PublicationClaim claim) {
    return attempt(claim)
        .onFailure().recoverWithItem(failure -> interrupted(claim, failure))
        .chain(result -> Panache.withTransaction(() -> record(claim, result)).map(view -> answer(view, result)));
  }

  /** A claimed listing, or the refusal to answer once the refused attempt is recorded. */
  private record Claimed(PublicationClaim claim, ProblemException refusal) {
  }

  /** Claims the listing for this publication, or refuses it: by its status, or by LST-4's lock (kept as an attempt). */
  private Uni<Claimed> claim(String sellerId, String actor, UUID listingId, OffsetDateTime now) {
    return listings.lockOwned(sellerId, listingId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Listing", listingId.toString()))
        .invoke(listing -> refuseByStatus(listing, now))
        .chain(listing -> read(listing, sellerId, actor, now)
            .chain(claim -> lockPolicy.refusal(sellerId, claim.sellerSkus(), now)
                .chain(refusal -> refusal.isPresent() ? refuse(claim, refusal.get(), now)
                    : publishing(listing, claim, now))));
  }

  private Uni<PublicationClaim> read(Listing listing, String sellerId, String actor, OffsetDateTime now) {
    return products.findById(listing.productId).chain(product -> skus.ofProducts(List.of(product.id))
        .chain(productSkus -> images.ofProducts(List.of(product.id))
            .map(productImages -> new PublicationClaim(listing.id, sellerId, actor, listing.connectionId,
                listing.market, listing.status, now, product, productSkus, productImages, listing.channelProductId,
                listing.channelSkus))));
  }

  private Uni<Claimed> refuse(PublicationClaim claim, PublicationLockPolicy.Refusal refusal, OffsetDateTime now) {
    return attempts.persist(attemptOf(claim, AttemptResult.notSubmitted(AttemptStage.LOCAL, refusal.failures(),
            null, refusal.answer()), now))
        .replaceWith(new Claimed(claim, refusal.answer()));
  }

  private static Uni<Claimed> publishing(Listing listing, PublicationClaim claim, OffsetDateTime now) {
    listing.status = ListingStatus.PUBLISHING;
    listing.publishingSince = now;
    listing.updatedAt = now;
    return Uni.createFrom().item(new Claimed(claim, null));
  }

  private void refuseByStatus(Listing listing, OffsetDateTime now) {
    switch (listing.status) {
      case PUBLISHING -> {
        if (listing.publishingSince != null && listing.publishingSince.plus(config.publishLease()).isAfter(now)) {
          throw ProblemException.conflict(CatalogProblem.PUBLICATION_IN_PROGRESS,
              "This listing is being published now");
        }
      }
      case IN_REVIEW -> throw ProblemException.conflict(CatalogProblem.LISTING_IN_REVIEW,
          "The channel is reviewing this listing; its result arrives by webhook");
      case LIVE -> throw ProblemException.conflict(CatalogProblem.LISTING_ALREADY_LIVE, "This listing is already live");
      case FROZEN -> throw ProblemException.conflict(CatalogProblem.LISTING_FROZEN,
          "The channel froze this listing for a violation; resolve it on the channel first");
      case DELISTING -> throw ProblemException.conflict(CatalogProblem.LISTING_BEING_DELISTED,
          "The channel is taking this listing down for stock drift (LST-5); recalibrate it once it is delisted");
      case DELISTED -> {
        if (listing.recalibrationRequired) {
          throw ProblemException.conflict(CatalogProblem.RECALIBRATION_REQUIRED, "The channel's stock drifted from the"
              + " ledger's by more than " + config.stockTolerance() + " units (LST-5); recalibrate the listing"
              + " (POST /v1/listings/" + listing.id + "/recalibration) before publishing it again");
        }
      }
      default -> {
      }
    }
  }

  /** The three steps, outside any transaction. */
  private Uni<AttemptResult> attempt(PublicationClaim claim) {
    return measurements.of(claim.images())
        .map(measured -> localChecks.check(claim.product(), claim.skus(), measured))
        .chain(local -> local.isEmpty() ? complianceThenChannel(claim)
            : Uni.createFrom().item(AttemptResult.failed(AttemptStage.LOCAL, false, local, null)));
  }

  private Uni<AttemptResult> complianceThenChannel(PublicationClaim claim) {
    return compliance.check(claim).chain(passage -> passage.passed() ? channel.submit(claim, passage.checkId())
        : Uni.createFrom().item(passage.stopped()));
  }

  private static AttemptResult interrupted(PublicationClaim claim, Throwable failure) {
    Log.errorf(failure, "Publication of listing %s failed unexpectedly", claim.listingId());
    return AttemptResult.notSubmitted(AttemptStage.LOCAL, new ListingFailure("publication_error", null,
        "The publication could not be completed; try again"), null, new ProblemException(503,
        CatalogProblem.PUBLICATION_INTERRUPTED, "Service unavailable",
        "The publication could not be completed; nothing was submitted. Try again."));
  }

  private static ListingView answer(ListingView view, AttemptResult result) {
    if (result.answer() != null) {
      throw result.answer();
    }
    return view;
  }

  /** Records the attempt and moves the listing; a failed submission counts towards LST-4. */
  private Uni<ListingView> record(PublicationClaim claim, AttemptResult result) {
    OffsetDateTime now = clock.now();
    boolean recordsProduct = result.submitted() && result.channelProductId() != null;
    // the channel's audit webhook may already be here: take its lock before the listing's, as the webhook does
    Uni<Void> auditLock = recordsProduct ? audits.lockProduct(claim.connectionId(), result.channelProductId())
        : Uni.createFrom().voidItem();
    return auditLock.chain(() -> listings.lockOwned(claim.sellerId(), claim.listingId())).chain(listing -> {
      ListingAttempt attempt = attemptOf(claim, result, claim.claimedAt());
      if (result.outcome() != AttemptOutcome.IN_REVIEW) {
        attempt.decidedAt = now;
      }
      if (result.submitted() && result.channelProductId() != null) {
        listing.channelProductId = result.channelProductId();
        listing.channelSkus = result.channelSkus();
      }
      List<ListingFailure> shown = result.outcome() == AttemptOutcome.NOT_SUBMITTED ? listing.failures.list()
          : result.failures();
      return attempts.persist(attempt)
          .chain(() -> changes.move(listing, result.nextStatus(claim.previousStatus()), shown, now))
          .chain(() -> result.failedSubmission()
              ? lockPolicy.countFailedSubmission(claim.sellerId(), claim.sellerSkus(), now).replaceWithVoid()
              : Uni.createFrom().voidItem())
          .call(() -> listings.flush())
          .call(() -> recordsProduct ? audits.applyEarlyResult(claim.connectionId(), result.channelProductId())
              : Uni.createFrom().voidItem())
          .map(ignored -> ListingView.of(listing));
    });
  }

  private static ListingAttempt attemptOf(PublicationClaim claim, AttemptResult result, OffsetDateTime at) {
    ListingAttempt attempt = new ListingAttempt();
    attempt.id = UUID.randomUUID();
    attempt.listingId = claim.listingId();
    attempt.sellerId = claim.sellerId();
    attempt.sellerSkus = claim.sellerSkus().toArray(String[]::new);
    attempt.stage = result.stage();
    attempt.outcome = result.outcome();
    attempt.submitted = result.submitted();
    attempt.failures = ListingFailures.of(result.failures());
    attempt.complianceCheckId = result.checkId();
    attempt.attemptedBy = claim.actor();
    attempt.attemptedAt = at;
    attempt.decidedAt = result.submitted() ? null : at;
    return attempt;
  }
}
