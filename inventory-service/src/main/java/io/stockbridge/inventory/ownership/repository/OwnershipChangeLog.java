package io.stockbridge.inventory.ownership.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;
import jakarta.persistence.Tuple;

/**
 * The append-only log of ownership changes: written in the transaction that changes the owners, read by sellers
 * who need to know who switched what (CH-2).
 */
@ApplicationScoped
public class OwnershipChangeLog {
  /** Rows per insert statement, well under PostgreSQL's limit of bind parameters. */
  private static final int ROWS_PER_STATEMENT = 500;

  public Uni<Void> record(String sellerId, List<OwnershipLogEntry> changes) {
    if (changes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int end = Math.min(ROWS_PER_STATEMENT, changes.size());
    return insert(sellerId, changes.subList(0, end)).chain(() -> record(sellerId, changes.subList(end, changes.size())));
  }

  private static Uni<Void> insert(String sellerId, List<OwnershipLogEntry> rows) {
    StringBuilder sql = new StringBuilder("insert into sku_ownership_change (seller_id, seller_sku, from_mode, "
        + "from_integration_id, to_mode, to_integration_id, effective_at, actor, switch_id, created_at) values ");
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(:seller, :sku").append(i).append(", cast(:from").append(i)
          .append(" as text), cast(:fromIntegration").append(i).append(" as text), :to").append(i)
          .append(", cast(:toIntegration").append(i).append(" as text), :effective").append(i).append(", :actor")
          .append(i).append(", cast(cast(:switch").append(i).append(" as text) as uuid), :at").append(i).append(")");
    }
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql.toString()).setParameter("seller", sellerId);
      for (int i = 0; i < rows.size(); i++) {
        OwnershipLogEntry row = rows.get(i);
        query.setParameter("sku" + i, row.sellerSku())
            .setParameter("from" + i, row.fromMode() == null ? null : row.fromMode().name())
            .setParameter("fromIntegration" + i, row.fromIntegrationId())
            .setParameter("to" + i, row.toMode().name())
            .setParameter("toIntegration" + i, row.toIntegrationId())
            .setParameter("effective" + i, row.effectiveAt()).setParameter("actor" + i, row.actor())
            .setParameter("switch" + i, row.switchId() == null ? null : row.switchId().toString())
            .setParameter("at" + i, row.at());
      }
      return query.executeUpdate();
    }).replaceWithVoid();
  }

  /** Changes after {@code afterId}, oldest first, of one SKU or of all; one more than asked to tell if more follow. */
  public Uni<List<OwnershipLogEntry>> after(String sellerId, String sellerSku, long afterId, int limit) {
    String sql = "select id, seller_sku, from_mode, from_integration_id, to_mode, to_integration_id, effective_at, "
        + "actor, switch_id, created_at from sku_ownership_change "
        + "where seller_id = :seller and id > :after" + (sellerSku == null ? "" : " and seller_sku = :sku")
        + " order by id limit :limit";
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql, Tuple.class).setParameter("seller", sellerId)
          .setParameter("after", afterId).setParameter("limit", limit);
      if (sellerSku != null) {
        query.setParameter("sku", sellerSku);
      }
      return query.getResultList();
    }).map(tuples -> SqlRow.of(tuples).stream().map(OwnershipChangeLog::change).toList());
  }

  private static OwnershipLogEntry change(SqlRow row) {
    String from = row.text("from_mode");
    return new OwnershipLogEntry(row.number("id"), row.text("seller_sku"),
        from == null ? null : OwnershipMode.valueOf(from), row.text("from_integration_id"),
        OwnershipMode.valueOf(row.text("to_mode")), row.text("to_integration_id"), row.timestamp("effective_at"),
        row.text("actor"), row.uuid("switch_id"), row.timestamp("created_at"));
  }
}
