package io.stockbridge.inventory.promotion.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.inventory.promotion.repository.Promotion;
import io.stockbridge.inventory.promotion.repository.PromotionStatus;

/**
 * A promotion as the API shows it.
 */
@Schema(description = "A promotion and whether it locks its SKUs now (RUNNING)")
@RegisterForReflection
public record PromotionView(UUID id, String name, List<String> sellerSkus, OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    @Schema(description = "SCHEDULED, RUNNING (locks hand edits), ENDED or CANCELLED, at the time of the answer")
    PromotionStatus status,
    String createdBy, OffsetDateTime createdAt,
    @Schema(description = "When it was cancelled; absent unless CANCELLED") OffsetDateTime cancelledAt,
    @Schema(description = "Who cancelled it") String cancelledBy) {

  public static PromotionView of(Promotion promotion, OffsetDateTime now) {
    return new PromotionView(promotion.id(), promotion.name(), promotion.sellerSkus(), promotion.startsAt(),
        promotion.endsAt(), promotion.statusAt(now), promotion.createdBy(), promotion.createdAt(),
        promotion.cancelledAt(), promotion.cancelledBy());
  }
}
