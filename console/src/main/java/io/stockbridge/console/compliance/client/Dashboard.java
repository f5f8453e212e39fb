package io.stockbridge.console.compliance.client;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Per market: what blocks each checked product today, what expires soon, and whether payouts are at risk. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dashboard(List<Market> markets) {
  public Dashboard {
    markets = markets == null ? List.of() : markets;
  }

  /** One market's section. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Market(String market, int ruleVersion, Payouts payouts, List<Product> products,
      List<Expiring> expiringDocuments) {
    public Market {
      products = products == null ? List.of() : products;
      expiringDocuments = expiringDocuments == null ? List.of() : expiringDocuments;
    }
  }

  /** The tax id rule (CMP-4). */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Payouts(boolean atRisk, String reason) {
  }

  /** A checked product judged as of today. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Product(String productId, String category, boolean publishable, List<Finding> blockers,
      List<Finding> warnings) {
    public Product {
      blockers = blockers == null ? List.of() : blockers;
      warnings = warnings == null ? List.of() : warnings;
    }
  }

  /** Why a product is blocked or warned about: a stable code, the field, what to do. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Finding(String code, String field, String documentType, String message, String suggestion) {
  }

  /** A document near its expiry date. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Expiring(String type, String number, String status, LocalDate expiresAt) {
  }
}
