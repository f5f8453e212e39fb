package io.stockbridge.inventory.stock.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.stock.config.StockConfig;
import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Applies movements to the ledger, all or none, in the caller's transaction (rules STK-1, STK-2, INV-5).
 * <p>
 * Items are changed in one fixed order whatever order the request lists them in, so two transactions touching the
 * same items wait for each other instead of deadlocking. Every changed item gets one audit row (state before and
 * after) and, when its available quantity changed, one outbox event for the channel.
 */
@ApplicationScoped
public class StockLedger {
  static final String CHANNEL_STOCK_PATH = "/internal/v1/channel-stock";
  /** The reason of a customer return arriving at the warehouse (rule STK-3). */
  public static final String RETURN = "RETURN";

  private final StockLedgerRepository repository;
  private final Outbox outbox;
  private final StockConfig config;
  private final ObjectMapper mapper;
  private final SuiteClock clock;

  public StockLedger(StockLedgerRepository repository, Outbox outbox, StockConfig config, ObjectMapper mapper, SuiteClock clock) {
    this.repository = repository;
    this.outbox = outbox;
    this.config = config;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Refuses an item named by a request's path whose SKU or warehouse the ledger does not know: not found (another
   * seller's is not found either), not a bad request.
   */
  public Uni<Void> requireItem(StockItem item) {
    return requireKnown(item.sellerId(), List.of(item.sellerSku()), List.of(item.warehouseId()), "path")
        .onFailure(ProblemException.class).transform(unknown -> ProblemException.notFound("Stock of SKU",
            item.sellerSku() + " in " + item.warehouseId()));
  }

  /** Refuses SKUs and warehouses the ledger does not know, naming each (rule WH-3: never guess). */
  public Uni<Void> requireKnown(String sellerId, List<String> sellerSkus, List<String> warehouseIds, String listName) {
    Set<String> skus = Set.copyOf(sellerSkus);
    Set<String> warehouses = warehouseIds.stream().filter(w -> w != null).collect(Collectors.toSet());
    return repository.knownSkus(sellerId, skus)
        .chain(knownSkus -> warehouses.isEmpty() ? Uni.createFrom().item(() -> List.<Set<String>>of(knownSkus, Set.of()))
            : repository.knownWarehouses(sellerId, warehouses).map(known -> List.of(knownSkus, known)))
        .invoke(known -> {
          ProblemException unknown = unknownCodes(known.get(0), known.get(1), sellerSkus, warehouseIds, listName);
          if (unknown != null) {
            throw unknown;
          }
        })
        .replaceWithVoid();
  }

  /** The refusal naming every SKU and warehouse not among the known ones, or null when all are known. */
  public static ProblemException unknownCodes(Set<String> knownSkus, Set<String> knownWarehouses,
      List<String> sellerSkus, List<String> warehouseIds, String listName) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < sellerSkus.size(); i++) {
      if (!knownSkus.contains(sellerSkus.get(i))) {
        errors.add(new FieldError(listName + "[" + i + "].sellerSku", "unknown_sku",
            "'" + sellerSkus.get(i) + "' is not a SKU of this seller"));
      }
      String warehouse = warehouseIds.get(i);
      if (warehouse != null && !knownWarehouses.contains(warehouse)) {
        errors.add(new FieldError(listName + "[" + i + "].warehouseId", "unknown_warehouse",
            "'" + warehouse + "' is not a warehouse of this seller"));
      }
    }
    return errors.isEmpty() ? null : new ProblemException(422, InventoryProblem.UNKNOWN_SKU_OR_WAREHOUSE, "Unknown SKU or warehouse",
        "The request names SKUs or warehouses this seller does not have", errors);
  }

  /**
   * Applies every movement or none (a failure rolls back the caller's transaction).
   *
   * @param listName the request field the commands came from, for error paths (e.g. {@code movements})
   */
  public Uni<List<ItemChange>> apply(ChangeContext context, List<MovementCommand> commands, String listName) {
    return apply(context, commands, listName, commands.get(0).reason());
  }

  /** The same, audited under one reason for the whole change (a warehouse reading: {@code SNAPSHOT}). */
  public Uni<List<ItemChange>> apply(ChangeContext context, List<MovementCommand> commands, String listName,
      String auditReason) {
    validate(commands, listName);
    List<Integer> order = IntStream.range(0, commands.size()).boxed()
        .sorted(Comparator.comparing(i -> item(context, commands.get(i))))
        .toList();
    Map<StockItem, BalanceState[]> firstAndLast = new LinkedHashMap<>();
    return Multi.createFrom().iterable(order)
        .onItem().transformToUniAndConcatenate(index -> applyOne(context, commands.get(index), index, listName)
            .invoke(after -> {
              MovementCommand command = commands.get(index);
              BalanceState before = after.undo(command.from(), command.to(), command.quantity());
              firstAndLast.computeIfAbsent(item(context, command), k -> new BalanceState[] { before, after })[1] = after;
            }))
        .collect().last()
        .chain(() -> recordChanges(context, firstAndLast, auditReason, commands.get(0).reference()));
  }

  /** Records audit and channel events for items changed outside {@link #apply} (e.g. a safety stock edit). */
  public Uni<List<ItemChange>> recordChange(ChangeContext context, StockItem item, BalanceState before,
      BalanceState after, String reason, String reference) {
    Map<StockItem, BalanceState[]> change = new LinkedHashMap<>();
    change.put(item, new BalanceState[] { before, after });
    return recordChanges(context, change, reason, reference);
  }

  private Uni<BalanceState> applyOne(ChangeContext context, MovementCommand command, int index, String listName) {
    StockItem item = item(context, command);
    Uni<Void> exists = command.from() == Bucket.OUTSIDE ? repository.ensureBalance(item) : Uni.createFrom().voidItem();
    return exists
        .chain(() -> repository.move(item, command.from(), command.to(), command.quantity(),
            context.keepSafetyStock() && command.from() == Bucket.SELLABLE))
        .chain(after -> after != null ? Uni.createFrom().item(after)
            : repository.lock(item).map(state -> {
              throw insufficient(command, state, index, listName);
            }))
        .call(after -> repository.recordMovement(item, command.from(), command.to(), command.quantity(),
            command.reason(), context.source(), command.reference(), context.actor(), context.requestId()))
        .call(after -> age(item, command));
  }

  /** Receipts into the warehouse start an age layer; units leaving it consume the oldest (rule STK-4). */
  private Uni<Void> age(StockItem item, MovementCommand command) {
    if (!command.from().onHand() && command.to().onHand()) {
      return repository.addLayer(item, command.quantity(), command.reference());
    }
    if (command.from().onHand() && !command.to().onHand()) {
      return repository.consumeLayers(item, command.quantity());
    }
    return Uni.createFrom().voidItem();
  }

  private ProblemException insufficient(MovementCommand command, BalanceState state, int index, String listName) {
    long holds = state == null ? 0 : state.quantityIn(command.from());
    return new ProblemException(409, InventoryProblem.INSUFFICIENT_STOCK, "Insufficient stock",
        "Bucket " + command.from() + " of " + command.sellerSku() + " in " + command.warehouseId() + " holds "
            + holds + ", fewer than the " + command.quantity() + " to move; nothing was applied",
        List.of(new FieldError(listName + "[" + index + "].quantity", "insufficient_stock",
            command.from() + " holds " + holds)));
  }

  private Uni<List<ItemChange>> recordChanges(ChangeContext context, Map<StockItem, BalanceState[]> changes,
      String reason, String reference) {
    List<ItemChange> result = changes.entrySet().stream()
        .map(e -> new ItemChange(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    return Multi.createFrom().iterable(result)
        .onItem().transformToUniAndConcatenate(change -> repository.recordAudit(change.item(), context.actor(),
                context.source() + " " + context.path(), reason, json(change.before()), json(change.after()), reference)
            .chain(() -> announce(change)))
        .collect().last()
        .replaceWith(result);
  }

  /** Tells the channel edge when an item's available quantity changed (one outbox event). */
  public Uni<Void> announce(ItemChange change) {
    OutboxMessage announcement = announcement(change);
    return announcement == null ? Uni.createFrom().voidItem() : outbox.enqueue(announcement).replaceWithVoid();
  }

  /** The outbox event that tells the channel edge about a change of available quantity; null when it did not change. */
  public OutboxMessage announcement(ItemChange change) {
    if (change.before().available() == change.after().available()) {
      return null;
    }
    StockItem item = change.item();
    // an absolute quantity, ordered by the balance's version: a newer change supersedes one still waiting
    OutboxMessage.Coalesce coalesce = OutboxMessage.Coalesce.sequence(
        item.sellerId() + "|" + item.warehouseId() + "|" + item.sellerSku(), Long.toString(change.after().version()));
    return new OutboxMessage(config.channelStockDestination(), CHANNEL_STOCK_PATH, "stock.available-changed",
        item.sellerId(), new AvailableChanged(item.sellerSku(), item.warehouseId(), change.after().available(),
            change.after().sellable(), change.after().reserved(), change.after().version(), clock.now()),
        coalesce);
  }

  /** A balance state as the audit trail stores it. */
  public String describe(BalanceState state) {
    return json(state);
  }

  private void validate(List<MovementCommand> commands, String listName) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      MovementCommand command = commands.get(i);
      if (command.quantity() <= 0 || command.quantity() > config.maxQuantity()) {
        errors.add(new FieldError(listName + "[" + i + "].quantity", "out_of_range",
            "must be between 1 and " + config.maxQuantity()));
      }
      if (RETURN.equals(command.reason()) && (command.from() != Bucket.OUTSIDE || command.to() != Bucket.QC)) {
        // rule STK-3: a return is inspected before it may be sold again, and is never counted as lost
        errors.add(new FieldError(listName + "[" + i + "].to", "return_must_enter_qc",
            "a RETURN moves from OUTSIDE into QC; inspection then moves it to SELLABLE or FROZEN"));
      }
      if (command.from() == command.to()) {
        errors.add(new FieldError(listName + "[" + i + "].to", "same_bucket", "must differ from 'from'"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Some movements are not valid; nothing was applied", errors);
    }
  }

  private static StockItem item(ChangeContext context, MovementCommand command) {
    return new StockItem(context.sellerId(), command.sellerSku(), command.warehouseId());
  }

  private String json(BalanceState state) {
    Map<String, Long> view = new LinkedHashMap<>();
    view.put("inTransit", state.inTransit());
    view.put("qc", state.qc());
    view.put("frozen", state.frozen());
    view.put("sellable", state.sellable());
    view.put("reserved", state.reserved());
    view.put("safetyStock", state.safetyStock());
    view.put("available", state.available());
    view.put("version", state.version());
    try {
      return mapper.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
