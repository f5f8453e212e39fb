package io.stockbridge.inventory.count.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.calibration.service.CalibrationService;
import io.stockbridge.inventory.calibration.service.CalibrationThreshold;
import io.stockbridge.inventory.count.CountResults;
import io.stockbridge.inventory.count.CountStatus;
import io.stockbridge.inventory.count.StockCountView;
import io.stockbridge.inventory.count.repository.StockCount;
import io.stockbridge.inventory.count.repository.StockCountLine;
import io.stockbridge.inventory.count.repository.StockCountLineRepository;
import io.stockbridge.inventory.count.repository.WarehouseShelf;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.repository.MovementSource;
import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.stock.service.ChangeContext;
import io.stockbridge.inventory.stock.service.MovementCommand;
import io.stockbridge.inventory.stock.service.StockLedger;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * A count's results (rule CNT-1): each SKU's variance against the figure frozen when the count started becomes a
 * COUNT adjustment; a variance beyond the calibration threshold (WH-4) waits for a seller-admin's approval first. An
 * applied count resolves the open calibration tasks of its SKUs. The first results of a count stand.
 */
@ApplicationScoped
public class CountResultsService {
  static final String RESULTS_PATH = "POST /v1/counts/{id}/results";
  static final String COUNT_REASON = "COUNT";

  private final StockCounts counts;
  private final StockCountLineRepository lines;
  private final WarehouseShelf shelf;
  private final StockLedger ledger;
  private final CalibrationThreshold threshold;
  private final CalibrationService calibrations;
  private final SuiteClock clock;

  public CountResultsService(StockCounts counts, StockCountLineRepository lines, WarehouseShelf shelf,
      StockLedger ledger, CalibrationThreshold threshold, CalibrationService calibrations, SuiteClock clock) {
    this.counts = counts;
    this.lines = lines;
    this.shelf = shelf;
    this.ledger = ledger;
    this.threshold = threshold;
    this.calibrations = calibrations;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<StockCountView> submit(String sellerId, String actor, UUID id, CountResults results) {
    return counts.owned(sellerId, id).chain(count -> lines.linesOf(id).chain(found -> {
      if (count.status != CountStatus.OPEN) {
        // the first results stand: a repeat changes nothing and answers the count as they left it
        return Uni.createFrom().item(StockCountView.of(count, found));
      }
      Map<String, Long> counted = matching(found, results);
      boolean beyond = false;
      for (StockCountLine line : found) {
        line.counted = counted.get(line.sellerSku);
        line.variance = line.counted - line.expected;
        beyond |= line.variance != 0 && threshold.exceeded(sellerId, line.variance, line.expected);
      }
      count.submittedAt = clock.now();
      count.submittedBy = actor;
      if (beyond) {
        count.status = CountStatus.PENDING_APPROVAL;
        return Uni.createFrom().item(StockCountView.of(count, found));
      }
      return apply(count, found, actor);
    }));
  }

  /** A seller-admin's approval of a count whose variance was beyond the threshold: it is applied now. */
  @WithTransaction
  public Uni<StockCountView> approve(String sellerId, String actor, UUID id) {
    return counts.owned(sellerId, id).chain(count -> {
      if (count.status != CountStatus.PENDING_APPROVAL) {
        throw ProblemException.conflict(InventoryProblem.COUNT_NOT_PENDING_APPROVAL,
            "Count " + id + " is " + count.status + ", not waiting for an approval");
      }
      count.approvedBy = actor;
      return lines.linesOf(id).chain(found -> apply(count, found, actor));
    });
  }

  private Uni<StockCountView> apply(StockCount count, List<StockCountLine> found, String actor) {
    List<MovementCommand> commands = new ArrayList<>();
    for (StockCountLine line : found) {
      if (line.variance > 0) {
        commands.add(new MovementCommand(line.sellerSku, count.warehouseId, Bucket.OUTSIDE, Bucket.SELLABLE,
            line.variance, COUNT_REASON, count.id.toString()));
      } else if (line.variance < 0) {
        commands.add(new MovementCommand(line.sellerSku, count.warehouseId, Bucket.SELLABLE, Bucket.OUTSIDE,
            -line.variance, COUNT_REASON, count.id.toString()));
      }
    }
    ChangeContext context = new ChangeContext(count.sellerId, actor, MovementSource.COUNT, RESULTS_PATH,
        count.id.toString(), false);
    count.status = CountStatus.APPLIED;
    count.appliedAt = clock.now();
    List<String> skus = found.stream().map(line -> line.sellerSku).toList();
    Uni<Void> moved = commands.isEmpty() ? Uni.createFrom().voidItem()
        : ledger.apply(context, commands, "lines", COUNT_REASON).replaceWithVoid();
    return moved
        .chain(() -> skus.isEmpty() ? Uni.createFrom().voidItem()
            : shelf.counted(count.sellerId, count.warehouseId, skus, count.appliedAt))
        .chain(() -> Multi.createFrom().iterable(skus)
            .onItem().transformToUniAndConcatenate(sku -> calibrations.resolveByCount(
                new StockItem(count.sellerId, sku, count.warehouseId), count.id, actor))
            .collect().asList())
        .replaceWith(() -> StockCountView.of(count, found));
  }

  /** The counted figure of every line; results naming other SKUs, leaving some out or naming one twice are refused. */
  private static Map<String, Long> matching(List<StockCountLine> found, CountResults results) {
    Set<String> expected = new HashSet<>(found.stream().map(line -> line.sellerSku).toList());
    Map<String, Long> counted = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < results.lines().size(); i++) {
      CountResults.Line line = results.lines().get(i);
      if (!expected.contains(line.sellerSku())) {
        errors.add(new FieldError("lines[" + i + "].sellerSku", "not_in_count", line.sellerSku() + " is not in this count"));
      } else if (counted.put(line.sellerSku(), line.counted()) != null) {
        throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "A SKU is counted twice",
            List.of(new FieldError("lines[" + i + "].sellerSku", "repeated", line.sellerSku() + " appears twice")));
      }
    }
    expected.stream().filter(sku -> !counted.containsKey(sku)).sorted().forEach(sku ->
        errors.add(new FieldError("lines", "missing", sku + " is in the count but has no counted figure")));
    if (!errors.isEmpty()) {
      throw new ProblemException(422, InventoryProblem.COUNT_RESULT_MISMATCH, "Results do not match the count",
          "Every SKU of the count needs one counted figure and no other SKU may appear; nothing was recorded", errors);
    }
    return counted;
  }
}
