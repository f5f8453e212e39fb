package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.listing.config.ListingConfig;
import io.stockbridge.catalog.listing.repository.ListingAttemptRepository;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.PublicationLock;
import io.stockbridge.catalog.listing.repository.PublicationLockRepository;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Rule LST-4 in one place: more failed submissions of one SKU than the limit within the window lock it from
 * publication for the lock's duration. Only submissions the channel received and refused count (synchronously or in
 * its audit); the local and compliance checks' refusals are kept as attempts but never lock a SKU.
 */
@ApplicationScoped
public class PublicationLockPolicy {
  private final ListingAttemptRepository attempts;
  private final PublicationLockRepository locks;
  private final ListingConfig config;

  public PublicationLockPolicy(ListingAttemptRepository attempts, PublicationLockRepository locks,
      ListingConfig config) {
    this.attempts = attempts;
    this.locks = locks;
    this.config = config;
  }

  /** Why a publication of these SKUs is refused now: a failure per locked SKU and the answer (409). */
  public record Refusal(List<ListingFailure> failures, ProblemException answer) {
  }

  /** The refusal a publication of these SKUs meets at {@code now}; empty when none of them is locked. */
  public Uni<Optional<Refusal>> refusal(String sellerId, List<String> sellerSkus, OffsetDateTime now) {
    return locks.heldAt(sellerId, sellerSkus, now).map(held -> held.isEmpty() ? Optional.empty()
        : Optional.of(refusalOf(held)));
  }

  private Refusal refusalOf(List<PublicationLock> held) {
    PublicationLock longest = held.get(0);
    List<ListingFailure> failures = held.stream().map(lock -> new ListingFailure("listing_locked", "skus",
        "SKU " + lock.sellerSku() + " is locked until " + lock.lockedUntil() + ": " + lock.reason())).toList();
    ProblemException answer = ProblemException.conflict(CatalogProblem.LISTING_LOCKED, "SKU " + longest.sellerSku()
        + " had more than " + config.failedSubmissionsLimit() + " failed submissions within "
        + config.failureWindow().toHours() + " hours; it may be published again after " + longest.lockedUntil())
        .with("lockedUntil", longest.lockedUntil().toString());
    return new Refusal(failures, answer);
  }

  /**
   * After a failed submission of these SKUs: each with more failed submissions in the window than the limit is
   * locked for the lock's duration. Returns the SKUs locked now.
   */
  public Uni<List<String>> countFailedSubmission(String sellerId, List<String> sellerSkus, OffsetDateTime now) {
    List<String> locked = new ArrayList<>();
    return Panache.getSession().chain(session -> session.flush())
        .chain(() -> Multi.createFrom().iterable(sellerSkus)
            .onItem().transformToUniAndConcatenate(sku -> lockIfOverTheLimit(sellerId, sku, now)
                .invoke(lockedNow -> {
                  if (lockedNow) {
                    locked.add(sku);
                  }
                }))
            .collect().asList())
        .replaceWith(locked);
  }

  private Uni<Boolean> lockIfOverTheLimit(String sellerId, String sellerSku, OffsetDateTime now) {
    return attempts.failedSubmissions(sellerId, sellerSku, now.minus(config.failureWindow())).chain(failed -> {
      if (failed <= config.failedSubmissionsLimit()) {
        return Uni.createFrom().item(false);
      }
      return locks.lock(sellerId, sellerSku, now.plus(config.lockDuration()), failed + " failed submissions within "
          + config.failureWindow().toHours() + " hours (LST-4)").replaceWith(true);
    });
  }
}
