package io.stockbridge.compliance.document.repository;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The uploaded file of a {@link ComplianceDocument}, loaded only when someone downloads it. */
@Entity
@Table(name = "compliance_document_file")
public class DocumentFile {
  @Id
  @Column(name = "document_id")
  public UUID documentId;

  @Column(nullable = false)
  public byte[] content;
}
