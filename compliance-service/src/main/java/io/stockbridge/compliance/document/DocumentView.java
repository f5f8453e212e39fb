package io.stockbridge.compliance.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.document.repository.ComplianceDocument;
import io.stockbridge.compliance.document.repository.DocumentScope;
import io.stockbridge.compliance.document.repository.DocumentStatus;
import io.stockbridge.compliance.document.repository.DocumentStatusChange;
import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.market.Market;

@Schema(description = "A compliance document, its review and its validity (the file is at /v1/documents/{id}/file)")
public record DocumentView(UUID id, String sellerId, DocumentType type, String number, String issuer,
    LocalDate issuedAt,
    @Schema(description = "No longer valid from this date on (UTC); absent when it does not expire") LocalDate expiresAt,
    Market market, DocumentScope scope, String scopeId,
    @Schema(description = "As of today: a document whose expiry date has come is EXPIRED") DocumentStatus status,
    @Schema(description = "True when a publication check counts it: VERIFIED and not expired") boolean usable,
    String fileName,
    @Schema(description = "Found from the file's content") String contentType, long sizeBytes, String sha256,
    String submittedBy, OffsetDateTime createdAt, String reviewedBy, OffsetDateTime reviewedAt, String reviewReason,
    @Schema(description = "The review trail, oldest first; only on a single document") List<StatusChangeView> history) {

  public static DocumentView of(ComplianceDocument document, LocalDate today, List<DocumentStatusChange> changes) {
    return new DocumentView(document.id, document.sellerId, document.type, document.number, document.issuer,
        document.issuedAt, document.expiresAt, document.market, document.scope, document.scopeId,
        document.statusOn(today), document.usableOn(today), document.fileName, document.contentType,
        document.sizeBytes, document.sha256, document.submittedBy, document.createdAt, document.reviewedBy,
        document.reviewedAt, document.reviewReason,
        changes == null ? null : changes.stream().map(StatusChangeView::of).toList());
  }

  @Schema(description = "One step of a document's lifecycle")
  public record StatusChangeView(DocumentStatus from, DocumentStatus to, String by, OffsetDateTime at,
      String reason) {
    static StatusChangeView of(DocumentStatusChange change) {
      return new StatusChangeView(change.fromStatus, change.toStatus, change.changedBy, change.changedAt,
          change.reason);
    }
  }
}
