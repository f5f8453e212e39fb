package io.stockbridge.gateway.count;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.gateway.count.repository.CountRequest;

@Schema(description = "A count the warehouse was (or could not be) asked to perform")
public record CountRequestView(@Schema(description = "The count's id in inventory-service") UUID countId,
    String warehouseId, List<String> sellerSkus, CountRequestStatus status,
    @Schema(description = "Why it failed or was not requested") String reason, int attempts,
    OffsetDateTime createdAt, OffsetDateTime sentAt) {

  public static CountRequestView of(CountRequest request) {
    return new CountRequestView(request.id, request.warehouseId, List.of(request.sellerSkus), request.status,
        request.reason, request.attempts, request.createdAt, request.sentAt);
  }
}
