package io.stockbridge.compliance.document.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a document's lifecycle: the review trail. */
@Entity
@Table(name = "compliance_document_status_change")
public class DocumentStatusChange {
  @Id
  public UUID id;

  @Column(name = "document_id", nullable = false)
  public UUID documentId;

  /** Null for the upload itself. */
  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  public DocumentStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false)
  public DocumentStatus toStatus;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(name = "changed_at", nullable = false)
  public OffsetDateTime changedAt;

  public String reason;

  public static DocumentStatusChange of(UUID documentId, DocumentStatus from, DocumentStatus to, String by,
      OffsetDateTime at, String reason) {
    DocumentStatusChange change = new DocumentStatusChange();
    change.id = UUID.randomUUID();
    change.documentId = documentId;
    change.fromStatus = from;
    change.toStatus = to;
    change.changedBy = by;
    change.changedAt = at;
    change.reason = reason;
    return change;
  }
}
