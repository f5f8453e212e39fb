package io.stockbridge.console.stock.client;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A SKU's available at the end of one day (UTC), as the ledger's history reports it; today's is the balance now. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DailyAvailable(LocalDate day, long available) {

  /** The ledger's answer: the days, oldest first. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record History(List<DailyAvailable> days) {
    public History {
      days = days == null ? List.of() : days;
    }
  }
}
