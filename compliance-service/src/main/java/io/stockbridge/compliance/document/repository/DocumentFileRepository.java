package io.stockbridge.compliance.document.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DocumentFileRepository implements PanacheRepositoryBase<DocumentFile, UUID> {
}
