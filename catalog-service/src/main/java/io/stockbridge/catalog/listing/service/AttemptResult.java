package io.stockbridge.catalog.listing.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.stockbridge.catalog.listing.client.ChannelProductState;
import io.stockbridge.catalog.listing.repository.AttemptOutcome;
import io.stockbridge.catalog.listing.repository.AttemptStage;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.platform.problem.ProblemException;

/**
 * How a publication attempt ended: the stage it reached, its outcome, whether the channel received it, the failures,
 * the compliance check's id, the channel's product and SKU ids once it has them, and the answer to give the caller
 * when the attempt was stopped for a reason not the product's.
 */
record AttemptResult(AttemptStage stage, AttemptOutcome outcome, boolean submitted, List<ListingFailure> failures,
    UUID checkId, String channelProductId, Map<String, String> channelSkus, ProblemException answer) {

  static AttemptResult failed(AttemptStage stage, boolean submitted, List<ListingFailure> failures, UUID checkId) {
    return new AttemptResult(stage, AttemptOutcome.FAILED, submitted, failures, checkId, null, Map.of(), null);
  }

  static AttemptResult notSubmitted(AttemptStage stage, List<ListingFailure> failures, UUID checkId,
      ProblemException answer) {
    return new AttemptResult(stage, AttemptOutcome.NOT_SUBMITTED, false, failures, checkId, null, Map.of(), answer);
  }

  static AttemptResult notSubmitted(AttemptStage stage, ListingFailure failure, UUID checkId,
      ProblemException answer) {
    return notSubmitted(stage, List.of(failure), checkId, answer);
  }

  /** The channel took the product: live at once, or in its audit. */
  static AttemptResult submitted(ChannelProductState product, UUID checkId) {
    return new AttemptResult(AttemptStage.CHANNEL, product.live() ? AttemptOutcome.LIVE : AttemptOutcome.IN_REVIEW,
        true, List.of(), checkId, product.productId(), product.skuIds(), null);
  }

  /** The status the listing moves to; an attempt stopped before the channel leaves it where it was. */
  ListingStatus nextStatus(ListingStatus previous) {
    return switch (outcome) {
      case LIVE -> ListingStatus.LIVE;
      case IN_REVIEW -> ListingStatus.IN_REVIEW;
      case FAILED -> ListingStatus.FAILED;
      case NOT_SUBMITTED -> previous == ListingStatus.PUBLISHING ? ListingStatus.DRAFT : previous;
    };
  }

  /** A refusal by the channel: it counts towards the publication lock (LST-4). */
  boolean failedSubmission() {
    return submitted && outcome == AttemptOutcome.FAILED;
  }
}
