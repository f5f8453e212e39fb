package io.stockbridge.inventory.reservation.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.persistence.SqlRow;

/**
 * Reservations and their allocations, in the caller's transaction.
 */
@ApplicationScoped
public class ReservationRepository {
  private static final String COLUMNS = "id, seller_id, order_id, status, request_fingerprint, created_at, expires_at, closed_at";

  /** The reservation's row; inserted first, so that a concurrent request for the same order waits on it. */
  public Uni<Void> insert(ReservationRecord reservation, String actor) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into reservation (id, seller_id, order_id, status, request_fingerprint, created_by, created_at, "
                + "expires_at) values (:id, :seller, :order, :status, :fingerprint, :actor, :created, :expires)")
        .setParameter("id", reservation.id()).setParameter("seller", reservation.sellerId())
        .setParameter("order", reservation.orderId()).setParameter("status", reservation.status().name())
        .setParameter("fingerprint", reservation.fingerprint()).setParameter("actor", actor)
        .setParameter("created", reservation.createdAt()).setParameter("expires", reservation.expiresAt())
        .executeUpdate())
        .replaceWithVoid();
  }

  public Uni<Void> insertAllocations(ReservationRecord reservation) {
    return Panache.getSession().chain(session -> Multi.createFrom().iterable(reservation.allocations())
            .onItem().transformToUniAndConcatenate(a -> session.createNativeQuery(
                    "insert into reservation_allocation (reservation_id, line_no, seller_sku, warehouse_id, quantity) "
                        + "values (:id, :line, :sku, :warehouse, :quantity)")
                .setParameter("id", reservation.id()).setParameter("line", a.lineNo())
                .setParameter("sku", a.sellerSku()).setParameter("warehouse", a.warehouseId())
                .setParameter("quantity", a.quantity()).executeUpdate())
            .collect().last())
        .replaceWithVoid();
  }

  /** Many reservations and their allocations, in two statements. */
  public Uni<Void> insertAll(List<ReservationRecord> reservations, List<String> actors) {
    if (reservations.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    StringBuilder headers = new StringBuilder("insert into reservation (id, seller_id, order_id, status, "
        + "request_fingerprint, created_by, created_at, expires_at) values ");
    StringBuilder allocations = new StringBuilder(
        "insert into reservation_allocation (reservation_id, line_no, seller_sku, warehouse_id, quantity) values ");
    int a = 0;
    for (int i = 0; i < reservations.size(); i++) {
      headers.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :seller").append(i).append(", :order")
          .append(i).append(", :status").append(i).append(", :fingerprint").append(i).append(", :actor").append(i)
          .append(", :created").append(i).append(", :expires").append(i).append(")");
      for (int j = 0; j < reservations.get(i).allocations().size(); j++, a++) {
        allocations.append(a == 0 ? "" : ", ").append("(:rid").append(a).append(", :line").append(a)
            .append(", :sku").append(a).append(", :warehouse").append(a).append(", :quantity").append(a).append(")");
      }
    }
    return Panache.getSession().chain(session -> {
      var headerQuery = session.createNativeQuery(headers.toString());
      var allocationQuery = session.createNativeQuery(allocations.toString());
      int n = 0;
      for (int i = 0; i < reservations.size(); i++) {
        ReservationRecord r = reservations.get(i);
        headerQuery.setParameter("id" + i, r.id()).setParameter("seller" + i, r.sellerId())
            .setParameter("order" + i, r.orderId()).setParameter("status" + i, r.status().name())
            .setParameter("fingerprint" + i, r.fingerprint()).setParameter("actor" + i, actors.get(i))
            .setParameter("created" + i, r.createdAt()).setParameter("expires" + i, r.expiresAt());
        for (Allocation allocation : r.allocations()) {
          allocationQuery.setParameter("rid" + n, r.id()).setParameter("line" + n, allocation.lineNo())
              .setParameter("sku" + n, allocation.sellerSku()).setParameter("warehouse" + n, allocation.warehouseId())
              .setParameter("quantity" + n, allocation.quantity());
          n++;
        }
      }
      return headerQuery.executeUpdate().chain(() -> allocationQuery.executeUpdate());
    }).replaceWithVoid();
  }

  /** The reservations of the given orders that exist already, by order id. */
  public Uni<List<ReservationRecord>> findByOrders(String sellerId, java.util.Collection<String> orderIds) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select order_id from reservation where seller_id = :seller and order_id in (:orders)", String.class)
        .setParameter("seller", sellerId).setParameter("orders", orderIds).getResultList())
        .chain(found -> Multi.createFrom().iterable(found)
            .onItem().transformToUniAndConcatenate(orderId -> findByOrder(sellerId, orderId))
            .collect().asList());
  }

  public Uni<ReservationRecord> findByOrder(String sellerId, String orderId) {
    return load("seller_id = :seller and order_id = :key", sellerId, orderId, false);
  }

  /** Loads and locks an order's reservation until the transaction ends. */
  public Uni<ReservationRecord> lockByOrder(String sellerId, String orderId) {
    return load("seller_id = :seller and order_id = :key", sellerId, orderId, true);
  }

  /** Loads and locks a reservation until the transaction ends, so commit, release and expiry never interleave. */
  public Uni<ReservationRecord> lockById(String sellerId, UUID id) {
    return load("seller_id = :seller and id = :key", sellerId, id, true);
  }

  public Uni<ReservationRecord> findById(String sellerId, UUID id) {
    return load("seller_id = :seller and id = :key", sellerId, id, false);
  }

  public Uni<Void> insertShortfalls(UUID reservationId, List<Shortfall> shortfalls) {
    return Panache.getSession().chain(session -> Multi.createFrom().iterable(shortfalls)
            .onItem().transformToUniAndConcatenate(s -> session.createNativeQuery(
                    "insert into reservation_shortfall (reservation_id, line_no, seller_sku, quantity) "
                        + "values (:id, :line, :sku, :quantity)")
                .setParameter("id", reservationId).setParameter("line", s.lineNo())
                .setParameter("sku", s.sellerSku()).setParameter("quantity", s.quantity()).executeUpdate())
            .collect().last())
        .replaceWithVoid();
  }

  /** Forgets what a closed (released or expired) reservation held, before it is shipped after all. */
  public Uni<Void> clearAllocations(UUID reservationId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "delete from reservation_allocation where reservation_id = :id")
        .setParameter("id", reservationId).executeUpdate())
        .replaceWithVoid();
  }

  public Uni<Void> close(UUID id, ReservationStatus status, OffsetDateTime at) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update reservation set status = :status, closed_at = :at where id = :id")
        .setParameter("status", status.name()).setParameter("at", at).setParameter("id", id).executeUpdate())
        .replaceWithVoid();
  }

  /** An active reservation past its expiry, claimed for release. */
  public record Expired(UUID id, String sellerId) {
  }

  // in turns across sellers: one seller's pile of stale orders never keeps another's stock reserved longer
  private static final LeasedClaim EXPIRED = LeasedClaim.from("reservation", "r")
      .where("r.status = 'ACTIVE' and r.expires_at <= :now")
      .orderBy("expires_at", "id").fairBy("seller_id")
      .returning("id, seller_id")
      .build();

  /** Expired active reservations, claimed so that concurrent expiry rounds (several replicas) skip each other's. */
  public Uni<List<Expired>> claimExpired(OffsetDateTime now, int limit) {
    return Panache.getSession().chain(session -> session.createNativeQuery(EXPIRED.sql(), Tuple.class)
        .setParameter("now", now).setParameter("limit", limit).getResultList())
        .map(rows -> SqlRow.of(rows).stream().map(row -> new Expired(row.uuid("id"), row.text("seller_id")))
            .toList());
  }

  private Uni<ReservationRecord> load(String where, String sellerId, Object key, boolean lock) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select " + COLUMNS + " from reservation where " + where + (lock ? " for update" : ""), Tuple.class)
        .setParameter("seller", sellerId).setParameter("key", key).getResultList()
        .chain(rows -> {
          if (rows.isEmpty()) {
            return Uni.createFrom().nullItem();
          }
          SqlRow row = new SqlRow(rows.get(0));
          UUID id = row.uuid("id");
          // allocations, then shortfalls (warehouse null), in one query
          return session.createNativeQuery("select line_no, seller_sku, warehouse_id, quantity from "
                  + "reservation_allocation where reservation_id = :id union all select line_no, seller_sku, null, "
                  + "quantity from reservation_shortfall where reservation_id = :id order by 1, 3", Tuple.class)
              .setParameter("id", id).getResultList()
              .map(tuples -> {
                List<SqlRow> lines = SqlRow.of(tuples);
                return new ReservationRecord(id, row.text("seller_id"), row.text("order_id"),
                    ReservationStatus.valueOf(row.text("status")), row.text("request_fingerprint"),
                    row.timestamp("created_at"), row.timestamp("expires_at"), row.timestamp("closed_at"),
                    lines.stream().filter(line -> line.text("warehouse_id") != null).map(line -> new Allocation(
                        line.integer("line_no"), line.text("seller_sku"), line.text("warehouse_id"),
                        line.number("quantity"))).toList(),
                    lines.stream().filter(line -> line.text("warehouse_id") == null).map(line -> new Shortfall(
                        line.integer("line_no"), line.text("seller_sku"), line.number("quantity"))).toList());
              });
        }));
  }
}
