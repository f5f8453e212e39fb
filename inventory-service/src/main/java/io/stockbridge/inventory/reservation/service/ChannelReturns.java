package io.stockbridge.inventory.reservation.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.reservation.ChannelReturn;
import io.stockbridge.inventory.reservation.ChannelReturnView;
import io.stockbridge.inventory.reservation.repository.Allocation;
import io.stockbridge.inventory.reservation.repository.ReservationRecord;
import io.stockbridge.inventory.reservation.repository.ReservationRepository;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.repository.MovementSource;
import io.stockbridge.inventory.stock.service.ChangeContext;
import io.stockbridge.inventory.stock.service.MovementCommand;
import io.stockbridge.inventory.stock.service.StockLedger;
import io.stockbridge.platform.idempotency.IdempotentWrites;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Books what a channel return brought back into QC (STK-3): returned units wait for inspection, which releases
 * them to sellable or freezes them; they never go straight to sellable and are never counted as lost. Each return
 * is booked once, however often its notice arrives.
 */
@ApplicationScoped
public class ChannelReturns {
  private static final String PATH = "POST /internal/v1/channel-returns";
  private final ReservationRepository reservations;
  private final StockLedger ledger;
  private final IdempotentWrites idempotentWrites;

  public ChannelReturns(ReservationRepository reservations, StockLedger ledger, IdempotentWrites idempotentWrites) {
    this.reservations = reservations;
    this.ledger = ledger;
    this.idempotentWrites = idempotentWrites;
  }

  @WithTransaction
  public Uni<ChannelReturnView> receive(String sellerId, String actor, ChannelReturn received) {
    return idempotentWrites.once(sellerId, "channel.returns", received.returnId(), received, ChannelReturnView.class,
        () -> reservations.findByOrder(sellerId, received.orderId()).chain(order -> {
          List<ChannelReturnView.BookedLine> booked = book(received, order);
          List<String> skus = booked.stream().map(ChannelReturnView.BookedLine::sellerSku).toList();
          List<String> warehouses = booked.stream().map(ChannelReturnView.BookedLine::warehouseId).toList();
          List<MovementCommand> moves = booked.stream().map(line -> new MovementCommand(line.sellerSku(),
              line.warehouseId(), Bucket.OUTSIDE, Bucket.QC, line.quantity(), StockLedger.RETURN,
              "return:" + received.returnId())).toList();
          ChangeContext context = new ChangeContext(sellerId, actor, MovementSource.RESERVATION, PATH,
              "return:" + received.returnId(), false);
          return ledger.requireKnown(sellerId, skus, warehouses, "lines")
              .onFailure(ProblemException.class).transform(unknown -> ((ProblemException) unknown).notYet())
              .chain(() -> ledger.apply(context, moves, "lines"))
              .replaceWith(new ChannelReturnView(received.returnId(), received.orderId(), booked));
        })).map(result -> result.value());
  }

  /**
   * Each line's warehouse: the one the return names, else the one its order shipped the most of the SKU from. An
   * order not seen yet may still arrive, so that refusal is marked retryable.
   */
  private static List<ChannelReturnView.BookedLine> book(ChannelReturn received, ReservationRecord order) {
    List<ChannelReturnView.BookedLine> booked = new ArrayList<>();
    List<FieldError> unplaced = new ArrayList<>();
    for (int i = 0; i < received.lines().size(); i++) {
      ChannelReturn.Line line = received.lines().get(i);
      String warehouse = received.warehouseId() != null ? received.warehouseId() : order == null ? null
          : order.allocations().stream().filter(a -> a.sellerSku().equals(line.sellerSku()))
              .max(Comparator.comparingLong(Allocation::quantity)).map(Allocation::warehouseId).orElse(null);
      if (warehouse == null) {
        unplaced.add(new FieldError("lines[" + i + "].sellerSku", "warehouse_unknown", "no warehouse is named and "
            + "order " + received.orderId() + " did not ship " + line.sellerSku() + " from one the ledger knows"));
      } else {
        booked.add(new ChannelReturnView.BookedLine(line.sellerSku(), warehouse, line.quantity()));
      }
    }
    if (!unplaced.isEmpty()) {
      throw new ProblemException(422, InventoryProblem.RETURN_WAREHOUSE_UNKNOWN, "Return warehouse unknown",
          "The warehouse the units went back to is not known yet", unplaced).notYet();
    }
    return booked;
  }
}
