package io.stockbridge.inventory.audit.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.audit.AuditEntry;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.persistence.SqlRow;

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
        + "cast(before_state as text) as before_state, cast(after_state as text) as after_state, created_at "
        + "from stock_audit where seller_id = :seller");
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
      var query = session.createNativeQuery(sql.toString(), Tuple.class)
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
    }).map(tuples -> {
      List<SqlRow> rows = SqlRow.of(tuples);
      boolean more = rows.size() > limit;
      List<SqlRow> shown = more ? rows.subList(0, limit) : rows;
      List<AuditEntry> entries = shown.stream().map(this::entry).toList();
      return new Page<>(entries, more ? Long.toString(entries.get(entries.size() - 1).id()) : null);
    });
  }

  private AuditEntry entry(SqlRow row) {
    return new AuditEntry(row.number("id"), row.text("seller_sku"), row.text("warehouse_id"), row.text("actor"),
        row.text("path"), row.text("reason"), row.text("reference"), state(row.text("before_state")),
        state(row.text("after_state")), row.timestamp("created_at"));
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
