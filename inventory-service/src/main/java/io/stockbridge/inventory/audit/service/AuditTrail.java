package io.stockbridge.inventory.audit.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.audit.rest.AuditEntry;
import io.stockbridge.platform.persistence.SqlValues;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;

/**
 * Reads the audit trail, oldest first. The trail is append-only (a database trigger refuses updates and deletes),
 * so it is kept for at least the 90 days rule INV-5 asks, and longer.
 */
@ApplicationScoped
public class AuditTrail {
  private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
  };
  private final ObjectMapper mapper;

  public AuditTrail(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @WithSession
  public Uni<Page<AuditEntry>> entries(String sellerId, String sellerSku, OffsetDateTime from, OffsetDateTime to,
      String cursor, int limit) {
    Long after = decode(cursor);
    StringBuilder sql = new StringBuilder("select id, seller_sku, warehouse_id, actor, path, reason, reference, "
        + "cast(before_state as text), cast(after_state as text), created_at from stock_audit where seller_id = :seller");
    if (sellerSku != null) {
      sql.append(" and seller_sku = :sku");
    }
    if (from != null) {
      sql.append(" and created_at >= :from");
    }
    if (to != null) {
      sql.append(" and created_at < :to");
    }
    if (after != null) {
      sql.append(" and id > :after");
    }
    sql.append(" order by id limit :limit");
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql.toString(), Object[].class)
          .setParameter("seller", sellerId).setParameter("limit", limit + 1);
      if (sellerSku != null) {
        query.setParameter("sku", sellerSku);
      }
      if (from != null) {
        query.setParameter("from", from);
      }
      if (to != null) {
        query.setParameter("to", to);
      }
      if (after != null) {
        query.setParameter("after", after);
      }
      return query.getResultList();
    }).map(rows -> {
      boolean more = rows.size() > limit;
      List<Object[]> shown = more ? rows.subList(0, limit) : rows;
      List<AuditEntry> entries = shown.stream().map(this::entry).toList();
      return new Page<>(entries, more ? Long.toString(entries.get(entries.size() - 1).id()) : null);
    });
  }

  private AuditEntry entry(Object[] row) {
    return new AuditEntry(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
        (String) row[4], (String) row[5], (String) row[6], state((String) row[7]), state((String) row[8]),
        SqlValues.timestamp(row[9]));
  }

  private Map<String, Object> state(String json) {
    try {
      return mapper.readValue(json, STATE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Long decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw PageCursor.invalid();
    }
  }
}
