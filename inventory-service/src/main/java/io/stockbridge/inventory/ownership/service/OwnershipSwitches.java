package io.stockbridge.inventory.ownership.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.ownership.config.OwnershipConfig;
import io.stockbridge.inventory.ownership.repository.OwnershipSwitchStatements;
import io.stockbridge.inventory.stock.service.UnknownSkus;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Hands many SKUs to one owner in one transaction (CH-2): a seller moving to another ERP switches every SKU at
 * once, and either all named SKUs switch or none does. Each SKU follows the same rule as a one-SKU change (INV-6).
 */
@ApplicationScoped
public class OwnershipSwitches {
  private final OwnershipSwitchStatements statements;
  private final Pool pool;
  private final OwnershipConfig config;
  private final SuiteClock clock;

  public OwnershipSwitches(OwnershipSwitchStatements statements, Pool pool, OwnershipConfig config,
      SuiteClock clock) {
    this.statements = statements;
    this.pool = pool;
    this.config = config;
    this.clock = clock;
  }

  public Uni<OwnershipSwitchResult> apply(String sellerId, OwnershipSwitch request, String actor) {
    OwnershipService.validate(request.mode(), request.integrationId());
    if (request.everySku() == (request.sellerSkus() != null)) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Name the SKUs or ask for all, not both",
          List.of(new FieldError("sellerSkus", "one_of", "give sellerSkus, or all: true, exactly one of them")));
    }
    List<String> named = request.everySku() ? null : List.copyOf(new LinkedHashSet<>(request.sellerSkus()));
    UUID switchId = UUID.randomUUID();
    OffsetDateTime now = clock.now();
    return pool.withTransaction(connection -> statements.lock(connection, sellerId, named).chain(known -> {
      if (named != null) {
        UnknownSkus.refuseAnyOutside(Set.copyOf(known), request.sellerSkus(), "sellerSkus");
      }
      return statements.switchOwners(connection, sellerId, named, request.mode(), request.integrationId(), actor,
              switchId, now, config.cacheRefreshWindow())
          .map(effects -> new OwnershipSwitchResult(effects.isEmpty() ? null : switchId, request.mode(),
              request.integrationId(), effects.size(), known.size() - effects.size(),
              effects.stream().max(OffsetDateTime::compareTo).orElse(null)));
    }));
  }
}
