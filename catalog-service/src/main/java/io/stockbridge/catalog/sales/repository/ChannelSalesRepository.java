package io.stockbridge.catalog.sales.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Shipped channel orders as sales, each counted once.
 */
@ApplicationScoped
public class ChannelSalesRepository {

  /** Counts the order into its month unless it was counted before; answers whether it was new. */
  public Uni<Boolean> count(OrderSale sale, OffsetDateTime now) {
    return Panache.getSession().chain(session -> session.createNativeQuery("insert into channel_order_sale "
                + "(connection_id, order_id, seller_id, market, month, amount_usd, currency, amount, counted_at) "
                + "values (:connection, :order, :seller, :market, :month, :usd, :currency, :amount, :now) "
                + "on conflict (connection_id, order_id) do nothing")
            .setParameter("connection", sale.connectionId()).setParameter("order", sale.orderId())
            .setParameter("seller", sale.sellerId()).setParameter("market", sale.market())
            .setParameter("month", sale.month().toString()).setParameter("usd", sale.amountUsd())
            .setParameter("currency", sale.currency()).setParameter("amount", sale.amount())
            .setParameter("now", now).executeUpdate())
        .map(inserted -> inserted == 1);
  }

  /** The seller's sales in the market and month so far, in USD. */
  public Uni<BigDecimal> monthTotal(String sellerId, String market, String month) {
    return Panache.getSession().chain(session -> session.createNativeQuery("select coalesce(sum(amount_usd), 0) "
                + "from channel_order_sale where seller_id = :seller and market = :market and month = :month",
            BigDecimal.class)
        .setParameter("seller", sellerId).setParameter("market", market).setParameter("month", month)
        .getSingleResult());
  }
}
