package io.stockbridge.compliance.document.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.stockbridge.compliance.market.Market;

/**
 * A compliance document a seller uploaded, its review and its validity (rule CMP-2). The file is kept apart, in
 * {@link DocumentFile}.
 */
@Entity
@Table(name = "compliance_document")
public class ComplianceDocument {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DocumentType type;

  /** The certificate, registration or report number as printed on the document. */
  @Column(nullable = false)
  public String number;

  @Column(nullable = false)
  public String issuer;

  @Column(name = "issued_at", nullable = false)
  public LocalDate issuedAt;

  /** No longer valid from this date on; null for a document that does not expire. */
  @Column(name = "expires_at")
  public LocalDate expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Market market;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DocumentScope scope;

  /** The product or SKU id for a product or SKU scope; null for the seller scope. */
  @Column(name = "scope_id")
  public String scopeId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DocumentStatus status;

  @Column(name = "file_name")
  public String fileName;

  /** Found from the file's content, never from its name or the client's say-so. */
  @Column(name = "content_type", nullable = false)
  public String contentType;

  @Column(name = "size_bytes", nullable = false)
  public long sizeBytes;

  @Column(nullable = false)
  public String sha256;

  @Column(name = "submitted_by", nullable = false)
  public String submittedBy;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "reviewed_by")
  public String reviewedBy;

  @Column(name = "reviewed_at")
  public OffsetDateTime reviewedAt;

  @Column(name = "review_reason")
  public String reviewReason;

  @Version
  public long version;

  /** The status as of {@code today}: a stored status whose expiry date has come reads as expired. */
  public DocumentStatus statusOn(LocalDate today) {
    return DocumentStatus.EXPIRABLE.contains(status) && expiredOn(today) ? DocumentStatus.EXPIRED : status;
  }

  /** Counts for a publication check on {@code today}: verified and not expired (CMP-2). */
  public boolean usableOn(LocalDate today) {
    return statusOn(today) == DocumentStatus.VERIFIED;
  }

  public boolean expiredOn(LocalDate today) {
    return expiresAt != null && !today.isBefore(expiresAt);
  }
}
