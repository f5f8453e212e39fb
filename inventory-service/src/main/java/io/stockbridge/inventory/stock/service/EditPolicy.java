package io.stockbridge.inventory.stock.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.lock.repository.SkuLock;
import io.stockbridge.inventory.lock.repository.SkuLockRepository;
import io.stockbridge.inventory.lock.repository.LockKind;
import io.stockbridge.inventory.lock.repository.ShippingLabelRepository;
import io.stockbridge.inventory.promotion.repository.PromotionRepository;
import io.stockbridge.inventory.ownership.repository.OwnershipMode;
import io.stockbridge.inventory.ownership.repository.SkuOwnership;
import io.stockbridge.inventory.ownership.repository.SkuOwnershipRepository;
import io.stockbridge.inventory.stock.config.StockConfig;
import io.stockbridge.platform.persistence.SqlValues;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Decides whether a person or an integration may change a SKU's stock by hand or through the API.
 * <ul>
 * <li>INV-3: an EXTERNAL SKU is set only by its owning integration; anyone else gets {@code 40302}.</li>
 * <li>INV-1: a person may not edit a SKU while another service holds a lock on it (under review, delisting,
 * frozen, promotion, shipping labels).</li>
 * <li>INV-4: more than the limit of edits of one SKU within the window is refused, counted in the database under
 * a lock on the SKU so that the count holds across replicas and concurrent requests.</li>
 * </ul>
 * Warehouse events and reservations are not edits and pass none of this.
 */
@ApplicationScoped
public class EditPolicy {
  /** The message the channel uses for the same refusal (rule INV-3). */
  public static final String EXTERNAL_MESSAGE = "Inventory managed by external system";
  /** The code of an edit refused by the edit-rate rule (INV-4). */

  private final SkuOwnershipRepository ownerships;
  private final SkuLockRepository locks;
  private final PromotionRepository promotions;
  private final ShippingLabelRepository labels;
  private final StockConfig config;
  private final SuiteClock clock;

  public EditPolicy(SkuOwnershipRepository ownerships, SkuLockRepository locks, PromotionRepository promotions,
      ShippingLabelRepository labels, StockConfig config, SuiteClock clock) {
    this.labels = labels;
    this.ownerships = ownerships;
    this.locks = locks;
    this.promotions = promotions;
    this.config = config;
    this.clock = clock;
  }

  /** Ownership and locks; throws the refusal. Call inside the edit's transaction. */
  public Uni<Void> checkOwnershipAndLocks(String sellerId, String sellerSku, Caller caller) {
    OffsetDateTime now = clock.now();
    return ownerships.findBySku(sellerId, sellerSku)
        .invoke(ownership -> checkOwnership(ownership, caller, now))
        .chain(() -> caller.integration() ? Uni.createFrom().item(List.<SkuLock>of())
            : locks.listForSku(sellerId, sellerSku))
        .invoke(held -> {
          if (!held.isEmpty()) {
            SkuLock lock = held.get(0);
            throw ProblemException.conflict(lock.kind.refusalCode(),
                "Manual edits of " + sellerSku + " are locked: " + lock.kind.pathName()
                    + (lock.reason == null ? "" : " (" + lock.reason + ")"))
                .with("lock", lock.kind.pathName());
          }
        })
        .chain(() -> caller.integration() ? Uni.createFrom().voidItem() : refuseWhilePromoted(sellerId, sellerSku, now))
        .chain(() -> caller.integration() ? Uni.createFrom().voidItem() : refuseWhileLabelled(sellerId, sellerSku));
  }

  /** Packages of the SKU with shipping labels lock hand edits until they ship or are cancelled (INV-1). */
  private Uni<Void> refuseWhileLabelled(String sellerId, String sellerSku) {
    return labels.openPackages(sellerId, sellerSku).invoke(packages -> {
      if (!packages.isEmpty()) {
        throw ProblemException.conflict(LockKind.LABEL_GENERATED.refusalCode(), "Manual edits of " + sellerSku
                + " are locked: " + packages.size() + " channel package(s) with shipping labels have not shipped")
            .with("lock", LockKind.LABEL_GENERATED.pathName()).with("packages", packages);
      }
    }).replaceWithVoid();
  }

  /** A running promotion locks hand edits until the last overlapping one ends (INV-1). */
  private Uni<Void> refuseWhilePromoted(String sellerId, String sellerSku, OffsetDateTime now) {
    return promotions.runningOn(sellerId, sellerSku, now).invoke(running -> {
      if (running.any()) {
        throw ProblemException.conflict(LockKind.PROMOTION.refusalCode(), "Manual edits of " + sellerSku
                + " are locked by a running promotion (" + String.join(", ", running.names()) + ") until "
                + running.lockedUntil())
            .with("lock", LockKind.PROMOTION.pathName()).with("lockedUntil", running.lockedUntil().toString());
      }
    }).replaceWithVoid();
  }

  private static void checkOwnership(SkuOwnership ownership, Caller caller, OffsetDateTime now) {
    if (ownership == null) {
      return;
    }
    if (ownership.modeAt(now) == OwnershipMode.EXTERNAL) {
      boolean owner = caller.integration() && caller.clientId() != null
          && caller.clientId().equals(ownership.integrationAt(now));
      if (!owner) {
        throw ProblemException.forbidden(InventoryProblem.MANAGED_BY_EXTERNAL_SYSTEM, EXTERNAL_MESSAGE)
            .with("integrationId", ownership.integrationAt(now));
      }
    } else if (caller.integration()) {
      throw ProblemException.conflict(InventoryProblem.SKU_MANAGED_MANUALLY,
          "The SKU's stock is maintained by hand; hand it to the integration first (PUT .../ownership)");
    }
  }

  /**
   * Counts this edit against the SKU's limit (rule INV-4), or refuses it with 429 and {@code Retry-After}.
   * The refusal rolls the edit back; {@link #flag} then records the flag in a transaction of its own.
   */
  public Uni<Void> countEdit(String sellerId, String sellerSku, String actor) {
    OffsetDateTime now = clock.now();
    OffsetDateTime windowStart = now.minus(config.editWindow());
    return Panache.getSession().chain(session -> session.createNativeQuery(
                "select seller_sku from known_sku where seller_id = :seller and seller_sku = :sku for update",
                String.class)
            .setParameter("seller", sellerId).setParameter("sku", sellerSku).getResultList()
            .chain(() -> session.createNativeQuery(
                    "select created_at from stock_edit where seller_id = :seller and seller_sku = :sku "
                        + "and created_at > :start order by created_at", Object.class)
                .setParameter("seller", sellerId).setParameter("sku", sellerSku).setParameter("start", windowStart)
                .getResultList())
            .map(rows -> rows.stream().map(SqlValues::timestamp).toList())
            .chain(recent -> {
              if (recent.size() >= config.editLimit()) {
                OffsetDateTime freesAt = recent.get(recent.size() - config.editLimit()).plus(config.editWindow());
                long seconds = Math.max(1, Duration.between(now, freesAt).toSeconds() + 1);
                throw new ProblemException(429, InventoryProblem.EDIT_RATE_LIMITED, "Too many stock edits",
                    sellerSku + " took " + config.editLimit() + " stock edits within the last "
                        + config.editWindow().toMinutes() + " minutes; it is flagged for review")
                    .with("sellerSku", sellerSku).withHeader("Retry-After", Long.toString(seconds));
              }
              return session.createNativeQuery("insert into stock_edit (seller_id, seller_sku, actor, created_at) "
                      + "values (:seller, :sku, :actor, :now)")
                  .setParameter("seller", sellerId).setParameter("sku", sellerSku).setParameter("actor", actor)
                  .setParameter("now", now).executeUpdate()
                  .replaceWithVoid();
            }));
  }

  public static boolean isRateLimited(Throwable failure) {
    return failure instanceof ProblemException problem && InventoryProblem.EDIT_RATE_LIMITED.code().equals(problem.code());
  }

  public static String skuOf(Throwable rateLimited) {
    return (String) ((ProblemException) rateLimited).extensions().get("sellerSku");
  }

  /** Flags a SKU that exceeded the edit rate, for the seller's risk review (rule INV-4). */
  @WithTransaction
  public Uni<Void> flag(String sellerId, String sellerSku) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update known_sku set flagged_at = :now, flag_reason = :reason where seller_id = :seller and seller_sku = :sku")
        .setParameter("now", clock.now())
        .setParameter("reason", "more than " + config.editLimit() + " stock edits within "
            + config.editWindow().toMinutes() + " minutes")
        .setParameter("seller", sellerId).setParameter("sku", sellerSku).executeUpdate())
        .replaceWithVoid();
  }
}
