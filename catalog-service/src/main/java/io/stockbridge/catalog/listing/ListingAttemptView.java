package io.stockbridge.catalog.listing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.catalog.listing.repository.ListingAttempt;
import io.stockbridge.catalog.listing.repository.ListingFailure;

@Schema(description = "One publication attempt, as kept")
@RegisterForReflection
public record ListingAttemptView(UUID id,
    @Schema(description = "How far it got: LOCAL, COMPLIANCE or CHANNEL") String stage,
    @Schema(description = "LIVE, IN_REVIEW, FAILED or NOT_SUBMITTED") String outcome,
    @Schema(description = "Whether the channel received it; failed submissions count towards LST-4") boolean submitted,
    List<String> sellerSkus, List<ListingFailure> failures, UUID complianceCheckId, String attemptedBy,
    OffsetDateTime attemptedAt, OffsetDateTime decidedAt) {

  public static ListingAttemptView of(ListingAttempt attempt) {
    return new ListingAttemptView(attempt.id, attempt.stage.name(), attempt.outcome.name(), attempt.submitted,
        List.of(attempt.sellerSkus), attempt.failures.list(), attempt.complianceCheckId, attempt.attemptedBy,
        attempt.attemptedAt, attempt.decidedAt);
  }
}
