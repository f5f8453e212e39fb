package io.stockbridge.compliance.document.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.ComplianceProblem;
import io.stockbridge.compliance.config.ComplianceConfig;
import io.stockbridge.compliance.document.DocumentTransition;
import io.stockbridge.compliance.document.DocumentView;
import io.stockbridge.compliance.document.repository.ComplianceDocument;
import io.stockbridge.compliance.document.repository.ComplianceDocumentRepository;
import io.stockbridge.compliance.document.repository.ComplianceDocumentRepository.DocumentFilter;
import io.stockbridge.compliance.document.repository.DocumentFile;
import io.stockbridge.compliance.document.repository.DocumentFileRepository;
import io.stockbridge.compliance.document.repository.DocumentStatus;
import io.stockbridge.compliance.document.repository.DocumentStatusChange;
import io.stockbridge.compliance.document.repository.DocumentStatusChangeRepository;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.idempotency.IdempotentWrites;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Compliance documents: upload, review and expiry (rule CMP-2).
 */
@ApplicationScoped
public class DocumentService {
  private final ComplianceDocumentRepository documents;
  private final DocumentFileRepository files;
  private final DocumentStatusChangeRepository history;
  private final IdempotentWrites idempotentWrites;
  private final ComplianceConfig config;
  private final SuiteClock clock;

  public DocumentService(ComplianceDocumentRepository documents, DocumentFileRepository files,
      DocumentStatusChangeRepository history, IdempotentWrites idempotentWrites, ComplianceConfig config, SuiteClock clock) {
    this.documents = documents;
    this.files = files;
    this.history = history;
    this.idempotentWrites = idempotentWrites;
    this.config = config;
    this.clock = clock;
  }

  /** Stores a document whose file passed the format check; a repeat with the same key returns the first result. */
  @WithTransaction
  public Uni<IdempotentResult<DocumentView>> upload(String sellerId, String actor, String idempotencyKey,
      DocumentUpload upload, FileFormat format, byte[] content) {
    return idempotentWrites.once(sellerId, "document-upload", idempotencyKey, upload, DocumentView.class,
        () -> store(sellerId, actor, upload, format, content));
  }

  private Uni<DocumentView> store(String sellerId, String actor, DocumentUpload upload, FileFormat format,
      byte[] content) {
    OffsetDateTime now = clock.now();
    ComplianceDocument document = new ComplianceDocument();
    document.id = UUID.randomUUID();
    document.sellerId = sellerId;
    document.type = upload.type();
    document.number = upload.number();
    document.issuer = upload.issuer();
    document.issuedAt = upload.issuedAt();
    document.expiresAt = upload.expiresAt();
    document.market = upload.market();
    document.scope = upload.scope();
    document.scopeId = upload.scopeId();
    document.status = DocumentStatus.SUBMITTED;
    document.fileName = upload.fileName();
    document.contentType = format.mediaType();
    document.sizeBytes = content.length;
    document.sha256 = upload.sha256();
    document.submittedBy = actor;
    document.createdAt = now;
    DocumentFile file = new DocumentFile();
    file.documentId = document.id;
    file.content = content;
    DocumentStatusChange uploaded = DocumentStatusChange.of(document.id, null, DocumentStatus.SUBMITTED, actor, now,
        null);
    // one after the other: a reactive session runs one operation at a time
    return documents.persist(document)
        .chain(() -> files.persist(file))
        .chain(() -> history.persist(uploaded))
        .map(ignored -> DocumentView.of(document, today(), List.of(uploaded)));
  }

  /** @param sellerId the owner it must have; null for staff (reviewers, platform admins) */
  @WithSession
  public Uni<DocumentView> find(String sellerId, UUID id) {
    return load(sellerId, id).chain(document -> history.of(id)
        .map(changes -> DocumentView.of(document, today(), changes)));
  }

  @WithSession
  public Uni<Page<DocumentView>> list(String sellerId, DocumentFilter filter, String cursor, int limit) {
    LocalDate today = today();
    return documents.page(sellerId, filter, today, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, row -> new PageCursor(row.createdAt, row.id),
            row -> DocumentView.of(row, today, null)));
  }

  @WithSession
  public Uni<Page<DocumentView>> expiring(String sellerId, int days, String cursor, int limit) {
    LocalDate today = today();
    return documents.expiring(sellerId, today, today.plusDays(days), PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, ComplianceDocumentRepository::expiryCursor,
            row -> DocumentView.of(row, today, null)));
  }

  @WithSession
  public Uni<StoredFile> file(String sellerId, UUID id) {
    return load(sellerId, id).chain(document -> files.findById(id)
        .map(file -> new StoredFile(document.contentType, document.fileName, file.content)));
  }

  /**
   * A reviewer's step in the lifecycle (CMP-2): submitted -> pending_review -> verified | rejected. Anything else,
   * and any step on a document whose expiry date has come, answers 409.
   */
  @WithTransaction
  public Uni<DocumentView> transition(UUID id, Reviewer reviewer, DocumentTransition step) {
    if (step.status() == DocumentStatus.REJECTED && (step.reason() == null || step.reason().isBlank())) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "A rejection must tell the seller why",
          List.of(new FieldError("reason", "required", "required when the status is REJECTED")));
    }
    LocalDate today = today();
    return load(null, id).chain(document -> {
      if (document.submittedBy.equals(reviewer.name()) || document.sellerId.equals(reviewer.sellerId())) {
        throw ProblemException.forbidden(ComplianceProblem.SELF_REVIEW_FORBIDDEN,
            "A document is reviewed by someone outside the seller that submitted it");
      }
      DocumentStatus current = document.statusOn(today);
      if (!current.reviewerMayMoveTo(step.status())) {
        throw ProblemException.conflict(CommonProblem.ILLEGAL_TRANSITION, "A document that is " + label(current)
            + " cannot become " + label(step.status()) + reasonFor(document, current, today))
            .with("status", current);
      }
      OffsetDateTime now = clock.now();
      DocumentStatusChange change = DocumentStatusChange.of(id, document.status, step.status(), reviewer.name(),
          now, step.reason());
      document.status = step.status();
      document.reviewedBy = reviewer.name();
      document.reviewedAt = now;
      document.reviewReason = step.reason();
      return history.persist(change)
          .chain(() -> documents.flush())
          .chain(() -> history.of(id))
          .map(changes -> DocumentView.of(document, today, changes));
    });
  }

  private static String reasonFor(ComplianceDocument document, DocumentStatus current, LocalDate today) {
    if (current == DocumentStatus.EXPIRED && document.expiresAt != null) {
      return ": it expired on " + document.expiresAt;
    }
    return switch (current) {
      case SUBMITTED -> ": a review starts with PENDING_REVIEW";
      case VERIFIED, REJECTED, EXPIRED -> ": the decision is final; upload a new document instead";
      case PENDING_REVIEW -> ": a document under review is VERIFIED or REJECTED";
    };
  }

  private static String label(DocumentStatus status) {
    return status.name().toLowerCase();
  }

  private Uni<ComplianceDocument> load(String sellerId, UUID id) {
    return documents.findVisible(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Document", id.toString()));
  }

  public long maxFileBytes() {
    return config.documents().maxFileBytes();
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Today in UTC: the day documents expire by. */
  public LocalDate today() {
    return clock.now().toLocalDate();
  }


  /** Who reviews: their user name and, if their token belongs to a seller, that seller. */
  public record Reviewer(String name, String sellerId) {
  }

  /** A document's file as stored, with the format found from its content. */
  public record StoredFile(String contentType, String fileName, byte[] content) {
  }
}
