package io.stockbridge.compliance.tin.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.market.Market;

@ApplicationScoped
public class MonthlySalesRepository implements PanacheRepositoryBase<MonthlySales, MonthlySales.Key> {

  /** Records the month's total as reported; a later report of the same month replaces it (one statement). */
  public Uni<Integer> record(String sellerId, Market market, LocalDate month, BigDecimal amountUsd,
      OffsetDateTime now) {
    return getSession().chain(session -> session.createNativeQuery(
            "insert into monthly_sales (seller_id, market, month, amount_usd, updated_at) "
                + "values (:seller, :market, :month, :amount, :now) on conflict (seller_id, market, month) "
                + "do update set amount_usd = excluded.amount_usd, updated_at = excluded.updated_at")
        .setParameter("seller", sellerId).setParameter("market", market.name()).setParameter("month", month)
        .setParameter("amount", amountUsd).setParameter("now", now)
        .executeUpdate());
  }

  /** The months in which the seller sold more than {@code thresholdUsd} in the market, earliest first. */
  public Uni<List<MonthlySales>> monthsAbove(String sellerId, Market market, BigDecimal thresholdUsd) {
    return list("sellerId = ?1 and market = ?2 and amountUsd > ?3 order by month", sellerId, market, thresholdUsd);
  }
}
