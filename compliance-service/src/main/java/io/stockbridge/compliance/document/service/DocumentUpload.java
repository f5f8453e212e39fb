package io.stockbridge.compliance.document.service;

import java.time.LocalDate;

import io.stockbridge.compliance.document.repository.DocumentScope;
import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.market.Market;

/**
 * A document's metadata as uploaded, already validated; also the idempotency fingerprint together with the
 * file's SHA-256.
 */
public record DocumentUpload(DocumentType type, String number, String issuer, LocalDate issuedAt,
    LocalDate expiresAt, Market market, DocumentScope scope, String scopeId, String fileName, String sha256) {
}
