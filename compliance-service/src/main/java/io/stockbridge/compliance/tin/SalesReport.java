package io.stockbridge.compliance.tin;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.market.Market;

@Schema(description = "A seller's sales in a market so far in a month (CMP-4); a later report of the month replaces it")
public record SalesReport(
    @NotNull Market market,
    @Schema(description = "The calendar month, e.g. 2026-11", example = "2026-11")
    @NotNull @Pattern(regexp = "\\d{4}-\\d{2}", message = "a month such as 2026-11") String month,
    @Schema(description = "The month's total so far, in USD") @NotNull @DecimalMin("0") @DecimalMax("1000000000000")
    @Digits(integer = 13, fraction = 2) BigDecimal amountUsd) {
}
