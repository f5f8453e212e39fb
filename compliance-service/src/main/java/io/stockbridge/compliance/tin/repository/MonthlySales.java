package io.stockbridge.compliance.tin.repository;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.stockbridge.compliance.market.Market;

/** A seller's sales in a market in one calendar month, in USD (rule CMP-4). */
@Entity
@Table(name = "monthly_sales")
@IdClass(MonthlySales.Key.class)
public class MonthlySales {
  @Id
  @Column(name = "seller_id")
  public String sellerId;

  @Id
  @Enumerated(EnumType.STRING)
  public Market market;

  /** The first day of the month. */
  @Id
  public LocalDate month;

  @Column(name = "amount_usd", nullable = false)
  public BigDecimal amountUsd;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  public static class Key implements Serializable {
    public String sellerId;
    public Market market;
    public LocalDate month;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Objects.equals(sellerId, key.sellerId) && market == key.market
          && Objects.equals(month, key.month);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sellerId, market, month);
    }
  }
}
