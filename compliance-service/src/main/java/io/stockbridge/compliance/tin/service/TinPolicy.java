package io.stockbridge.compliance.tin.service;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.config.ComplianceConfig;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.compliance.tin.SalesReport;
import io.stockbridge.compliance.tin.repository.MonthlySales;
import io.stockbridge.compliance.tin.repository.MonthlySalesRepository;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Rule CMP-4: in the configured markets (Thailand, Vietnam) a seller whose monthly sales there pass the threshold
 * (USD 1,000) needs a verified tax id; without it payouts are frozen and checks fail with {@code tin_required}.
 */
@ApplicationScoped
public class TinPolicy {
  private final MonthlySalesRepository sales;
  private final ComplianceConfig config;
  private final SuiteClock clock;

  public TinPolicy(MonthlySalesRepository sales, ComplianceConfig config, SuiteClock clock) {
    this.sales = sales;
    this.config = config;
    this.clock = clock;
  }

  /** Records a month's running total of a seller's sales in a market, as the suite reports it. */
  @WithTransaction
  public Uni<TinStanding> record(String sellerId, SalesReport report) {
    YearMonth month = parseMonth(report.month());
    if (month.isAfter(YearMonth.now(ZoneOffset.UTC))) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Sales cannot be reported for a future month",
          List.of(new FieldError("month", "in_future", "'" + report.month() + "' has not begun")));
    }
    return sales.record(sellerId, report.market(), month.atDay(1), report.amountUsd(),
            clock.now())
        .chain(() -> standing(sellerId, report.market()));
  }

  /** Call inside a session. */
  public Uni<TinStanding> standing(String sellerId, Market market) {
    if (!config.tin().markets().contains(market)) {
      return Uni.createFrom().item(TinStanding.NOT_REQUIRED);
    }
    BigDecimal threshold = config.tin().monthlySalesThresholdUsd();
    return sales.monthsAbove(sellerId, market, threshold).map(months -> {
      if (months.isEmpty()) {
        return TinStanding.NOT_REQUIRED;
      }
      MonthlySales first = months.get(0);
      return new TinStanding(true, YearMonth.from(first.month), first.amountUsd);
    });
  }

  public BigDecimal thresholdUsd() {
    return config.tin().monthlySalesThresholdUsd();
  }

  private static YearMonth parseMonth(String month) {
    try {
      return YearMonth.parse(month);
    } catch (java.time.format.DateTimeParseException e) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The month is not a calendar month",
          List.of(new FieldError("month", "invalid_month", "a month such as 2026-11, not '" + month + "'")));
    }
  }
}
