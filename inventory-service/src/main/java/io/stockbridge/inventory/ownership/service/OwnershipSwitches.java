package io.stockbridge.inventory.ownership.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.ownership.config.OwnershipConfig;
import io.stockbridge.inventory.ownership.repository.OwnershipLogEntry;
import io.stockbridge.inventory.ownership.repository.OwnershipChangeLog;
import io.stockbridge.inventory.ownership.repository.SkuOwnership;
import io.stockbridge.inventory.ownership.repository.SkuOwnershipRepository;
import io.stockbridge.inventory.stock.service.UnknownSkus;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Hands many SKUs to one owner in one transaction (CH-2): a seller moving to another ERP switches every SKU at
 * once, and either all named SKUs switch or none does. Each SKU follows the same rule as a one-SKU change (INV-6).
 */
@ApplicationScoped
public class OwnershipSwitches {
  private final SkuOwnershipRepository owners;
  private final OwnershipChangeLog log;
  private final OwnershipConfig config;
  private final SuiteClock clock;

  public OwnershipSwitches(SkuOwnershipRepository owners, OwnershipChangeLog log,
      OwnershipConfig config, SuiteClock clock) {
    this.owners = owners;
    this.log = log;
    this.config = config;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<OwnershipSwitchResult> apply(String sellerId, OwnershipSwitch request, String actor) {
    OwnershipService.validate(request.mode(), request.integrationId());
    if (request.everySku() == (request.sellerSkus() != null)) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Name the SKUs or ask for all, not both",
          List.of(new FieldError("sellerSkus", "one_of", "give sellerSkus, or all: true, exactly one of them")));
    }
    return targets(sellerId, request).chain(targets -> owners.ownersOf(sellerId, targets)
        .chain(existing -> switchOwners(sellerId, request, actor, targets, existing)));
  }

  /** The SKUs to switch, in order; a named SKU the seller does not have refuses the whole switch. */
  private Uni<Set<String>> targets(String sellerId, OwnershipSwitch request) {
    if (request.everySku()) {
      return owners.lockSkus(sellerId, null).map(TreeSet::new);
    }
    Set<String> named = new LinkedHashSet<>(request.sellerSkus());
    return owners.lockSkus(sellerId, named).map(Set::copyOf).map(known -> {
      UnknownSkus.refuseAnyOutside(known, request.sellerSkus(), "sellerSkus");
      return new TreeSet<>(named);
    });
  }

  private Uni<OwnershipSwitchResult> switchOwners(String sellerId, OwnershipSwitch request, String actor,
      Set<String> targets, List<SkuOwnership> existing) {
    OffsetDateTime now = clock.now();
    UUID switchId = UUID.randomUUID();
    Map<String, SkuOwnership> bySku = new HashMap<>();
    existing.forEach(owner -> bySku.put(owner.sellerSku, owner));
    List<SkuOwnership> created = new ArrayList<>();
    List<OwnershipLogEntry> changes = new ArrayList<>();
    OffsetDateTime effectiveAt = null;
    for (String sku : targets) {
      SkuOwnership owner = bySku.get(sku);
      if (owner != null && owner.isOwnedBy(request.mode(), request.integrationId())) {
        continue;
      }
      if (owner == null) {
        owner = SkuOwnership.first(sellerId, sku, request.mode(), request.integrationId(), actor, now);
        created.add(owner);
        changes.add(OwnershipLogEntry.of(owner, null, null, switchId));
      } else {
        var fromMode = owner.modeAt(now);
        String fromIntegration = owner.integrationAt(now);
        owner.handTo(request.mode(), request.integrationId(), actor, now, config.cacheRefreshWindow());
        changes.add(OwnershipLogEntry.of(owner, fromMode, fromIntegration, switchId));
      }
      if (effectiveAt == null || owner.effectiveAt.isAfter(effectiveAt)) {
        effectiveAt = owner.effectiveAt;
      }
    }
    OwnershipSwitchResult result = new OwnershipSwitchResult(changes.isEmpty() ? null : switchId, request.mode(),
        request.integrationId(), changes.size(), targets.size() - changes.size(), effectiveAt);
    return (created.isEmpty() ? Uni.createFrom().voidItem() : owners.persist(created)).chain(() -> log.record(sellerId, changes)).replaceWith(result);
  }
}
