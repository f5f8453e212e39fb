package io.stockbridge.inventory.stock.service;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.stock.BalanceChange;
import io.stockbridge.inventory.stock.MovementBatch;
import io.stockbridge.inventory.stock.MovementRequest;
import io.stockbridge.inventory.stock.StockEdit;
import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.idempotency.IdempotentWrites;
import io.stockbridge.platform.persistence.TransientFailures;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Stock changes that people and integrations make through the API: batches of movements and hand edits. Both pass
 * the {@link EditPolicy}; warehouse events and reservations take other paths.
 */
@ApplicationScoped
public class StockEditService {
  private final StockLedger ledger;
  private final StockLedgerRepository repository;
  private final EditPolicy policy;
  private final IdempotentWrites idempotentWrites;

  public StockEditService(StockLedger ledger, StockLedgerRepository repository, EditPolicy policy,
      IdempotentWrites idempotentWrites) {
    this.ledger = ledger;
    this.repository = repository;
    this.policy = policy;
    this.idempotentWrites = idempotentWrites;
  }

  /** Applies a batch, all or none; a repeat with the same Idempotency-Key returns the first result. */
  public Uni<IdempotentResult<BalanceChange.Batch>> move(String sellerId, Caller caller, String idempotencyKey,
      MovementBatch batch) {
    return TransientFailures.retried(() -> moveInTransaction(sellerId, caller, idempotencyKey, batch))
        .onFailure(EditPolicy::isRateLimited).call(failure -> policy.flag(sellerId, EditPolicy.skuOf(failure)));
  }

  @WithTransaction
  Uni<IdempotentResult<BalanceChange.Batch>> moveInTransaction(String sellerId, Caller caller, String idempotencyKey,
      MovementBatch batch) {
    List<MovementRequest> movements = batch.movements();
    rejectReservedBucket(movements);
    return idempotentWrites.once(sellerId, "stock.movements", idempotencyKey, batch, BalanceChange.Batch.class, () -> {
      List<String> skus = movements.stream().map(MovementRequest::sellerSku).toList();
      List<String> warehouses = movements.stream().map(MovementRequest::warehouseId).toList();
      ChangeContext context = new ChangeContext(sellerId, caller.actor(), caller.source(), "POST /v1/stock/movements",
          idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey, false);
      List<MovementCommand> commands = movements.stream()
          .map(m -> new MovementCommand(m.sellerSku(), m.warehouseId(), m.from(), m.to(), m.quantity(), m.reason(),
              m.reference()))
          .toList();
      return ledger.requireKnown(sellerId, skus, warehouses, "movements")
          // the SKUs' rows are locked in one order (sorted, as the balances are), so opposite batches never deadlock
          .chain(() -> checkEachSku(sellerId, caller, new TreeSet<>(skus)))
          .chain(() -> ledger.apply(context, commands, "movements"))
          .map(BalanceChange.Batch::of);
    });
  }

  /** Sets sellable (and optionally safety stock) by hand, if the balance is still at {@code expectedVersion}. */
  public Uni<BalanceChange.Batch> edit(String sellerId, Caller caller, String sellerSku, String warehouseId,
      long expectedVersion, StockEdit edit) {
    return TransientFailures.retried(() -> editInTransaction(sellerId, caller, sellerSku, warehouseId,
            expectedVersion, edit))
        .onFailure(EditPolicy::isRateLimited).call(failure -> policy.flag(sellerId, sellerSku));
  }

  @WithTransaction
  Uni<BalanceChange.Batch> editInTransaction(String sellerId, Caller caller, String sellerSku, String warehouseId,
      long expectedVersion, StockEdit edit) {
    StockItem item = new StockItem(sellerId, sellerSku, warehouseId);
    ChangeContext context = new ChangeContext(sellerId, caller.actor(), caller.source(),
        "PUT /v1/stock/{sellerSku}/warehouses/{warehouseId}", UUID.randomUUID().toString(), false);
    return ledger.requireItem(item)
        .chain(() -> checkEachSku(sellerId, caller, List.of(sellerSku)))
        .chain(() -> repository.ensureBalance(item))
        .chain(() -> repository.lock(item))
        .chain(current -> {
          if (current.version() != expectedVersion) {
            throw new ProblemException(412, CommonProblem.VERSION_MISMATCH, "Precondition failed",
                "The stock changed since version " + expectedVersion + "; read it again and retry")
                .with("currentVersion", current.version());
          }
          if (edit.sellable() < current.reserved()) {
            throw new ProblemException(409, InventoryProblem.BELOW_RESERVED, "Conflict",
                "Sellable may not go below the " + current.reserved() + " units reserved for orders",
                List.of(new FieldError("sellable", "below_reserved", "at least " + current.reserved())));
          }
          List<ItemChange> changes = new ArrayList<>();
          Uni<BalanceState> afterSafety = Uni.createFrom().item(current);
          if (edit.safetyStock() != null && edit.safetyStock() != current.safetyStock()) {
            afterSafety = repository.setSafetyStock(item, edit.safetyStock())
                .call(after -> ledger.recordChange(context, item, current, after, "SAFETY_STOCK", null)
                    .invoke(changes::addAll));
          }
          return afterSafety.chain(state -> {
            long delta = edit.sellable() - state.sellable();
            if (delta == 0) {
              return Uni.createFrom().item(changes);
            }
            MovementCommand command = delta > 0
                ? new MovementCommand(sellerSku, warehouseId, Bucket.OUTSIDE, Bucket.SELLABLE, delta, "ADJUSTMENT", edit.reason())
                : new MovementCommand(sellerSku, warehouseId, Bucket.SELLABLE, Bucket.OUTSIDE, -delta, "ADJUSTMENT", edit.reason());
            return ledger.apply(context, List.of(command), "edit").map(applied -> {
              changes.addAll(applied);
              return changes;
            });
          });
        })
        .map(BalanceChange.Batch::of);
  }

  private Uni<Void> checkEachSku(String sellerId, Caller caller, java.util.Collection<String> skus) {
    return Multi.createFrom().iterable(skus)
        .onItem().transformToUniAndConcatenate(sku -> policy.checkOwnershipAndLocks(sellerId, sku, caller)
            .chain(() -> policy.countEdit(sellerId, sku, caller.actor())))
        .collect().last()
        .replaceWithVoid();
  }

  private static void rejectReservedBucket(List<MovementRequest> movements) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < movements.size(); i++) {
      if (movements.get(i).from() == Bucket.RESERVED || movements.get(i).to() == Bucket.RESERVED) {
        errors.add(new FieldError("movements[" + i + "]", "reserved_bucket",
            "reserved units move only through reservations (commit or release)"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Reserved units move only through reservations", errors);
    }
  }
}
