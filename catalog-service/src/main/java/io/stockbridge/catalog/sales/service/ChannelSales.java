package io.stockbridge.catalog.sales.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.connection.repository.ChannelConnection;
import io.stockbridge.catalog.sales.config.SalesConfig;
import io.stockbridge.catalog.sales.repository.ChannelSalesRepository;
import io.stockbridge.catalog.sales.repository.OrderSale;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Feeds the tax id rule (CMP-4): each shipped channel order adds its value, once, to its seller's sales of the month
 * in the connection's market, and the month's new total goes to compliance-service through the outbox, in order per
 * seller, market and month, so a later total never arrives before an earlier one.
 */
@ApplicationScoped
public class ChannelSales {
  static final String COMPLIANCE = "compliance-service";
  private final ChannelSalesRepository repository;
  private final SalesConfig config;
  private final Outbox outbox;
  private final SuiteClock clock;

  public ChannelSales(ChannelSalesRepository repository, SalesConfig config, Outbox outbox, SuiteClock clock) {
    this.repository = repository;
    this.config = config;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A shipped order's notice; call in the transaction that records the notice. */
  public Uni<Void> shipped(ChannelConnection connection, String orderId, JsonNode data) {
    String market = connection.region;
    JsonNode payment = data.path("payment");
    String currency = payment.path("currency").asText("");
    BigDecimal rate = config.usdRates().get(currency);
    if (!config.reportedMarkets().contains(market) || !payment.path("total_amount").isTextual() && !payment
        .path("total_amount").isNumber()) {
      return Uni.createFrom().voidItem();
    }
    if (rate == null) {
      Log.warnf("Order %s in %s is not counted in monthly sales: no USD rate for %s", orderId, market, currency);
      return Uni.createFrom().voidItem();
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(payment.path("total_amount").asText());
    } catch (NumberFormatException e) {
      Log.warnf("Order %s has an unreadable total amount '%s'", orderId, payment.path("total_amount").asText());
      return Uni.createFrom().voidItem();
    }
    long shippedAt = data.path("update_time").asLong(clock.now().toEpochSecond());
    YearMonth month = YearMonth.from(Instant.ofEpochSecond(shippedAt).atOffset(ZoneOffset.UTC));
    OrderSale sale = new OrderSale(connection.id, orderId, connection.sellerId, market, month, currency, amount,
        amount.multiply(rate).setScale(2, RoundingMode.HALF_UP));
    return repository.count(sale, clock.now()).chain(counted -> !counted ? Uni.createFrom().voidItem()
        : repository.monthTotal(connection.sellerId, market, month.toString())
            .chain(total -> outbox.enqueue(OutboxMessage.inSequence(COMPLIANCE, "/internal/v1/sales",
                "sales.month-total", connection.sellerId, Map.of("market", market, "month", month.toString(),
                    "amountUsd", total), "sales|" + connection.sellerId + "|" + market + "|" + month)))
            .replaceWithVoid());
  }
}
