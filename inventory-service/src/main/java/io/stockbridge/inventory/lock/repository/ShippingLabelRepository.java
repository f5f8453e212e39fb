package io.stockbridge.inventory.lock.repository;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.lock.PackageLabelState;

/**
 * The channel packages with shipping labels, per SKU (INV-1).
 */
@ApplicationScoped
public class ShippingLabelRepository {

  /** Records the package's SKUs as labelled; a SKU of the package already closed stays closed. */
  public Uni<Void> labelled(String sellerId, PackageLabelState label, OffsetDateTime now) {
    return upsert(sellerId, label, now, "on conflict (seller_id, package_id, seller_sku) do update set "
        + "labelled_at = coalesce(shipping_label.labelled_at, excluded.labelled_at)");
  }

  /** Closes every SKU of the package, recording the ones named even when their label notice never came. */
  public Uni<Void> closed(String sellerId, PackageLabelState label, OffsetDateTime now) {
    return upsert(sellerId, label, now, "on conflict (seller_id, package_id, seller_sku) do nothing")
        .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery("update shipping_label set "
                + "closed_at = :now, closed_as = :as where seller_id = :seller and package_id = :package "
                + "and closed_at is null")
            .setParameter("now", now).setParameter("as", label.state()).setParameter("seller", sellerId)
            .setParameter("package", label.packageId()).executeUpdate()))
        .replaceWithVoid();
  }

  private static Uni<Void> upsert(String sellerId, PackageLabelState label, OffsetDateTime now, String onConflict) {
    List<PackageLabelState.Line> lines = label.lines() == null ? List.of() : label.lines();
    if (lines.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    boolean closes = label.closes();
    StringBuilder sql = new StringBuilder("insert into shipping_label (seller_id, package_id, seller_sku, order_id, "
        + "quantity, labelled_at, closed_at, closed_as) values ");
    for (int i = 0; i < lines.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(:seller, :package, :sku").append(i).append(", cast(:order as text), :quantity")
          .append(i).append(closes ? ", null, :now, :as)" : ", :now, null, null)");
    }
    sql.append(' ').append(onConflict);
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql.toString()).setParameter("seller", sellerId)
          .setParameter("package", label.packageId()).setParameter("order", label.orderId())
          .setParameter("now", now);
      if (closes) {
        query.setParameter("as", label.state());
      }
      for (int i = 0; i < lines.size(); i++) {
        query.setParameter("sku" + i, lines.get(i).sellerSku()).setParameter("quantity" + i, lines.get(i).quantity());
      }
      return query.executeUpdate();
    }).replaceWithVoid();
  }

  /** The packages whose labels hold the SKU now. */
  public Uni<List<String>> openPackages(String sellerId, String sellerSku) {
    return Panache.getSession().chain(session -> session.createNativeQuery("select package_id from shipping_label "
            + "where seller_id = :seller and seller_sku = :sku and closed_at is null and labelled_at is not null "
            + "order by package_id", String.class)
        .setParameter("seller", sellerId).setParameter("sku", sellerSku).getResultList());
  }
}
