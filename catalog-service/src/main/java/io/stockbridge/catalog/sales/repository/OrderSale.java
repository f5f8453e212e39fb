package io.stockbridge.catalog.sales.repository;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/** A shipped order's value, in its currency and in USD, in the month and market it shipped in (CMP-4). */
public record OrderSale(UUID connectionId, String orderId, String sellerId, String market, YearMonth month,
    String currency, BigDecimal amount, BigDecimal amountUsd) {
}
