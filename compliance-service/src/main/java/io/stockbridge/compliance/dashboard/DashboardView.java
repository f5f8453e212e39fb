package io.stockbridge.compliance.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.check.Finding;
import io.stockbridge.compliance.document.repository.DocumentStatus;
import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.market.Market;

@Schema(description = "Per market: what blocks each product's publication today, what expires soon, payouts at risk")
public record DashboardView(String sellerId, OffsetDateTime generatedAt, List<MarketSection> markets) {

  @Schema(description = "One market of the dashboard")
  public record MarketSection(Market market,
      @Schema(description = "The rule set version the products were judged against") int ruleVersion,
      Payouts payouts, List<ProductStanding> products,
      @Schema(description = "Set when more products follow: pass it as afterProductId") String nextAfterProductId,
      List<ExpiringDocument> expiringDocuments) {
  }

  @Schema(description = "The tax id rule (CMP-4): without a verified TIN, payouts in the market are frozen")
  public record Payouts(boolean atRisk, boolean tinRequired, String reason) {
  }

  @Schema(description = "A product as of today, judged on the facts of its latest check and today's documents and rules")
  public record ProductStanding(String productId, String category, OffsetDateTime lastCheckedAt,
      boolean publishable, List<Finding> blockers, List<Finding> warnings) {
  }

  @Schema(description = "A document still in play whose expiry date is near")
  public record ExpiringDocument(UUID id, DocumentType type, String number, DocumentStatus status,
      LocalDate expiresAt) {
  }
}
