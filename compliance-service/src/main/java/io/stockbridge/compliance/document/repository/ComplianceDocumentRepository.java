package io.stockbridge.compliance.document.repository;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;

@ApplicationScoped
public class ComplianceDocumentRepository implements PanacheRepositoryBase<ComplianceDocument, UUID> {

  /** @param sellerId the owner it must have; null for staff, who see every seller's */
  public Uni<ComplianceDocument> findVisible(String sellerId, UUID id) {
    return sellerId == null ? findById(id) : find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  /** One page in (createdAt, id) order; a status filter means the status as of {@code today}. */
  public Uni<List<ComplianceDocument>> page(String sellerId, DocumentFilter filter, LocalDate today,
      PageCursor after, int limit) {
    KeysetQuery query = KeysetQuery.all()
        .and("sellerId = :seller", "seller", sellerId)
        .and("type = :type", "type", filter.type())
        .and("market = :market", "market", filter.market())
        .and("scope = :scope", "scope", filter.scope())
        .and("scopeId = :scopeId", "scopeId", filter.scopeId());
    if (filter.status() == DocumentStatus.EXPIRED) {
      query.and("(status = :expired or (status in :expirable and expiresAt <= :today))", "today", today);
      query.parameters().and("expired", DocumentStatus.EXPIRED).and("expirable", DocumentStatus.EXPIRABLE);
    } else if (filter.status() == DocumentStatus.REJECTED) {
      query.and("status = :status", "status", filter.status());
    } else if (filter.status() != null) {
      query.and("status = :status and (expiresAt is null or expiresAt > :today)", "status", filter.status());
      query.parameters().and("today", today);
    }
    query.after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }

  /**
   * Documents still in play whose expiry date falls after {@code today} and on or before {@code until}, soonest
   * first; the cursor carries (expiry date, id).
   */
  public Uni<List<ComplianceDocument>> expiring(String sellerId, LocalDate today, LocalDate until,
      PageCursor after, int limit) {
    StringBuilder where = new StringBuilder("status in :expirable and expiresAt > :today and expiresAt <= :until");
    Parameters parameters = Parameters.with("expirable", DocumentStatus.EXPIRABLE).and("today", today)
        .and("until", until);
    if (sellerId != null) {
      where.append(" and sellerId = :seller");
      parameters.and("seller", sellerId);
    }
    if (after != null) {
      where.append(" and (expiresAt > :afterDate or (expiresAt = :afterDate and id > :afterId))");
      parameters.and("afterDate", after.createdAt().toLocalDate()).and("afterId", after.id());
    }
    return find(where + " order by expiresAt, id", parameters).range(0, limit - 1).list();
  }

  /** The cursor position of a document in the {@link #expiring} order. */
  public static PageCursor expiryCursor(ComplianceDocument document) {
    return new PageCursor(document.expiresAt.atStartOfDay().atOffset(ZoneOffset.UTC), document.id);
  }

  /** Every document of a seller in a market, whatever its status: a check explains what it finds. */
  public Uni<List<ComplianceDocument>> ofSeller(String sellerId, Market market) {
    return list("sellerId = ?1 and market = ?2 order by createdAt, id", sellerId, market);
  }

  /** Filters of the document list; a null member does not filter. */
  public record DocumentFilter(DocumentType type, DocumentStatus status, Market market, DocumentScope scope,
      String scopeId) {
  }
}
