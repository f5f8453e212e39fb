package io.stockbridge.catalog.listing.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;

/**
 * Audit results that arrived before the listing holding their channel product was recorded. The webhook and the
 * publication that records the product both take {@link #lock} first, so one of them always sees the other's work.
 * Methods run in the caller's transaction.
 */
@ApplicationScoped
public class EarlyAuditResults {
  private final ObjectMapper mapper;

  public EarlyAuditResults(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** An audit result kept for a listing not recorded yet. */
  public record EarlyAuditResult(boolean passed, List<String> reasons) {
  }

  /** Serialises the webhook and the publication of one channel product until the transaction ends. */
  public Uni<Void> lock(UUID connectionId, String channelProductId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked", Integer.class)
        .setParameter("key", "audit|" + connectionId + "|" + channelProductId).getSingleResult())
        .replaceWithVoid();
  }

  public Uni<Void> keep(UUID connectionId, String channelProductId, boolean passed, List<String> reasons,
      OffsetDateTime now) {
    return Panache.getSession().chain(session -> session.createNativeQuery("""
            insert into early_audit_result (connection_id, channel_product_id, passed, reasons, received_at)
            values (:connection, :product, :passed, cast(:reasons as text[]), :now)
            on conflict (connection_id, channel_product_id)
            do update set passed = excluded.passed, reasons = excluded.reasons, received_at = excluded.received_at""")
        .setParameter("connection", connectionId).setParameter("product", channelProductId)
        .setParameter("passed", passed).setParameter("reasons", reasons.toArray(String[]::new))
        .setParameter("now", now).executeUpdate())
        .replaceWithVoid();
  }

  /** The kept result of the product, removed as it is taken; null when none arrived early. */
  public Uni<EarlyAuditResult> take(UUID connectionId, String channelProductId) {
    return Panache.getSession().chain(session -> session.createNativeQuery("""
            delete from early_audit_result where connection_id = :connection and channel_product_id = :product
            returning passed, array_to_json(reasons)::text as reasons""", jakarta.persistence.Tuple.class)
        .setParameter("connection", connectionId).setParameter("product", channelProductId).getResultList())
        .map(rows -> SqlRow.of(rows).stream().findFirst()
            .map(row -> new EarlyAuditResult(row.flag("passed"), reasons(row.text("reasons"))))
            .orElse(null));
  }

  private List<String> reasons(String json) {
    try {
      return List.of(mapper.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable reasons of a kept audit result: " + json, e);
    }
  }

  /** Deletes results older than {@code before}: a day on, no listing of ours will claim them. */
  public Uni<Integer> purgeOlderThan(OffsetDateTime before) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "delete from early_audit_result where received_at < :before")
        .setParameter("before", before).executeUpdate());
  }
}
