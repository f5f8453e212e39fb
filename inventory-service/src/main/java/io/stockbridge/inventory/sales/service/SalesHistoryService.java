package io.stockbridge.inventory.sales.service;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.sales.DateWindow;
import io.stockbridge.inventory.sales.SalesDay;
import io.stockbridge.inventory.sales.SalesHistory;
import io.stockbridge.inventory.sales.repository.SalesDayRepository;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/** A SKU's sales per day, the figures replenishment and the health report are computed from. */
@ApplicationScoped
public class SalesHistoryService {
  private static final int DEFAULT_DAYS = 30;

  private final SalesDayRepository sales;
  private final SuiteClock clock;

  public SalesHistoryService(SalesDayRepository sales, SuiteClock clock) {
    this.sales = sales;
    this.clock = clock;
  }

  public Uni<SalesHistory> of(String sellerId, String sellerSku, String warehouseId, String from, String to) {
    DateWindow window = DateWindow.parse(from, to, clock.now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
        DEFAULT_DAYS);
    return sales.knows(sellerId, sellerSku).chain(known -> {
      if (!known) {
        throw ProblemException.notFound("SKU", sellerSku);
      }
      return sales.days(sellerId, sellerSku, warehouseId, window).map(days -> {
        long units = days.stream().mapToLong(SalesDay::units).sum();
        double daily = Math.round(units * 100.0 / window.days()) / 100.0;
        return new SalesHistory(sellerSku, warehouseId, window.from(), window.to(), units, daily, days);
      });
    });
  }
}
