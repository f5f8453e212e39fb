package io.stockbridge.compliance.categoryaccess;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.categoryaccess.repository.AccessRequestStatus;
import io.stockbridge.compliance.categoryaccess.repository.CategoryAccessRequest;
import io.stockbridge.compliance.market.Market;

@Schema(description = "A category access request and its decision")
public record AccessRequestView(UUID id, String sellerId, Market market, String category, String justification,
    AccessRequestStatus status, String requestedBy, OffsetDateTime createdAt, String decidedBy,
    OffsetDateTime decidedAt, String decisionReason) {

  public static AccessRequestView of(CategoryAccessRequest request) {
    return new AccessRequestView(request.id, request.sellerId, request.market, request.category,
        request.justification, request.status, request.requestedBy, request.createdAt, request.decidedBy,
        request.decidedAt, request.decisionReason);
  }
}
