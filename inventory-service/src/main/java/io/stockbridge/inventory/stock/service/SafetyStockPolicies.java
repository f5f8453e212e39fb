package io.stockbridge.inventory.stock.service;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.alert.config.AlertConfig;
import io.stockbridge.inventory.stock.SafetyStockPolicy;
import io.stockbridge.inventory.stock.SafetyStockPolicyView;
import io.stockbridge.inventory.stock.StockLevels;
import io.stockbridge.inventory.stock.repository.SafetyStockPolicyRepository;
import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;

/**
 * A SKU's replenishment policy per warehouse (rule CNT-2). Setting it is not a stock edit: it moves no unit, so it
 * is allowed for SKUs an integration owns (INV-3) and does not count against the edit rate (INV-4); it is audited
 * like every change of a balance, and the channel hears of the available quantity it changes.
 */
@ApplicationScoped
public class SafetyStockPolicies {
  static final String AUDIT_REASON = "SAFETY_STOCK_POLICY";

  private final StockLedger ledger;
  private final StockLedgerRepository repository;
  private final SafetyStockPolicyRepository policies;
  private final AlertConfig alerts;

  public SafetyStockPolicies(StockLedger ledger, StockLedgerRepository repository,
      SafetyStockPolicyRepository policies, AlertConfig alerts) {
    this.ledger = ledger;
    this.repository = repository;
    this.policies = policies;
    this.alerts = alerts;
  }

  /** Sets the policy; the same policy again changes nothing and audits nothing. */
  @WithTransaction
  public Uni<SafetyStockPolicyView> set(String sellerId, Caller caller, String sellerSku, String warehouseId,
      SafetyStockPolicy policy) {
    StockItem item = new StockItem(sellerId, sellerSku, warehouseId);
    ChangeContext context = new ChangeContext(sellerId, caller.actor(), caller.source(),
        "PUT /v1/stock/{sellerSku}/warehouses/{warehouseId}/safety-stock", UUID.randomUUID().toString(), false);
    return ledger.requireItem(item)
        .chain(() -> repository.ensureBalance(item))
        .chain(() -> repository.lock(item))
        .chain(before -> policies.leadTimeDays(item).chain(leadTimeBefore -> {
          if (before.safetyStock() == policy.safetyStock() && Objects.equals(leadTimeBefore, policy.leadTimeDays())) {
            return Uni.createFrom().item(view(item, policy, StockLevels.of(before)));
          }
          return policies.setPolicy(item, policy.safetyStock(), policy.leadTimeDays())
              .call(after -> ledger.recordChange(context, item, before, after, AUDIT_REASON,
                  "leadTimeDays " + leadTime(leadTimeBefore) + " -> " + leadTime(policy.leadTimeDays())))
              .map(after -> view(item, policy, StockLevels.of(after)));
        }));
  }

  private SafetyStockPolicyView view(StockItem item, SafetyStockPolicy policy, StockLevels levels) {
    int effective = policy.leadTimeDays() == null ? alerts.replenishment().defaultLeadTimeDays() : policy.leadTimeDays();
    return new SafetyStockPolicyView(item.sellerSku(), item.warehouseId(), policy.safetyStock(), policy.leadTimeDays(),
        effective, levels);
  }

  private static String leadTime(Integer days) {
    return days == null ? "default" : days.toString();
  }
}
