package io.stockbridge.compliance.check;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.check.repository.PublicationCheckRecord;
import io.stockbridge.compliance.market.Market;

@Schema(description = "The outcome of a publication check, as recorded")
public record CheckView(UUID id, Market market, String category, String productId,
    @Schema(description = "True when nothing blocks publication") boolean compliant,
    @Schema(description = "The requirement rule set version the check applied") int ruleVersion,
    List<Finding> failures, List<Finding> warnings, String checkedBy, OffsetDateTime checkedAt) {

  public static CheckView of(PublicationCheckRecord record) {
    return new CheckView(record.id, record.market, record.category, record.productId, record.compliant,
        record.ruleVersion, record.findings.failures(), record.findings.warnings(), record.checkedBy, record.createdAt);
  }
}
