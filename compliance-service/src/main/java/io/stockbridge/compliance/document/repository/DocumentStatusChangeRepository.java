package io.stockbridge.compliance.document.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DocumentStatusChangeRepository implements PanacheRepositoryBase<DocumentStatusChange, UUID> {

  public Uni<List<DocumentStatusChange>> of(UUID documentId) {
    return list("documentId = ?1 order by changedAt, id", documentId);
  }
}
