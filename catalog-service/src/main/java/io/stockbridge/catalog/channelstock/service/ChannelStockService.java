package io.stockbridge.catalog.channelstock.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelstock.AvailableChange;
import io.stockbridge.catalog.channelstock.ChannelStockView;
import io.stockbridge.catalog.channelpush.config.ChannelPushConfig;
import io.stockbridge.catalog.channelstock.repository.ChannelStockIntake;
import io.stockbridge.catalog.channelstock.repository.ChannelStockRepository;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.platform.outbox.OutboxBatch;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Keeps the ledger's newest available quantity per SKU and warehouse, the number the channel is to show. A report
 * older than the stored one (a retry, a late delivery) changes nothing.
 */
@ApplicationScoped
public class ChannelStockService {
  private final ChannelStockRepository stock;
  private final SkuRepository skus;
  private final MeterRegistry registry;
  private final ObjectMapper mapper;
  private final Validator validator;
  private final SuiteClock clock;

  private final ChannelStockIntake intake;
  private final ChannelPushConfig pushConfig;

  public ChannelStockService(ChannelStockRepository stock, SkuRepository skus, MeterRegistry registry,
      ObjectMapper mapper, Validator validator, SuiteClock clock, ChannelStockIntake intake,
      ChannelPushConfig pushConfig) {
    this.intake = intake;
    this.pushConfig = pushConfig;
    this.stock = stock;
    this.skus = skus;
    this.mapper = mapper;
    this.validator = validator;
    this.registry = registry;
    this.clock = clock;
  }

  /** One report, taken in by the batch's statement: one rule for a report alone and for a hundred. */
  public Uni<Boolean> record(String sellerId, AvailableChange change) {
    return recordAll(List.of(sellerId), List.of(change)).map(taken -> taken.applied() > 0);
  }

  /**
   * Several reports, as the outbox batches them, in one transaction and in the order sent; each event is answered
   * with the status its single request would have had. A malformed event is refused alone (400); if the
   * transaction fails, every well-formed event is answered 503, to be sent again.
   */
  public Uni<OutboxBatch.Answers> recordBatch(OutboxBatch batch) {
    OutboxBatch.Answer[] answers = new OutboxBatch.Answer[batch.events().size()];
    List<Integer> readable = new ArrayList<>();
    List<AvailableChange> changes = new ArrayList<>();
    for (int i = 0; i < answers.length; i++) {
      OutboxBatch.Item item = batch.events().get(i);
      try {
        changes.add(item.read(mapper, validator, AvailableChange.class));
        readable.add(i);
      } catch (OutboxBatch.Unreadable e) {
        answers[i] = new OutboxBatch.Answer(item.eventId(), 400, e.code(), e.getMessage());
      }
    }
    return recordAll(readable.stream().map(i -> batch.events().get(i).sellerId()).toList(), changes)
        .map(ignored -> 200)
        .onFailure().recoverWithItem(failure -> {
          Log.debugf("A batch of %d channel stock reports failed: %s", changes.size(), failure.getMessage());
          return 503;
        })
        .map(status -> {
          readable.forEach(i -> answers[i] = new OutboxBatch.Answer(batch.events().get(i).eventId(), status,
              status == 200 ? null : "TRY_AGAIN", status == 200 ? null : "The report could not be recorded now"));
          return new OutboxBatch.Answers(List.of(answers));
        });
  }

  /** The batch's reports in one statement (see {@link ChannelStockIntake}). */
  private Uni<ChannelStockIntake.Taken> recordAll(List<String> sellerIds, List<AvailableChange> changes) {
    return intake.record(sellerIds, changes, clock.now(), pushConfig.maxQuantity())
        .invoke(taken -> {
          registry.counter("stockbridge_channel_stock_reports_total", "outcome", "applied").increment(taken.applied());
          registry.counter("stockbridge_channel_stock_reports_total", "outcome", "older")
              .increment(changes.size() - taken.applied());
        });
  }

  /** The SKU's last reported stock; 404 for a SKU the seller does not have (not an empty answer). */
  @WithSession
  public Uni<ChannelStockView> of(String sellerId, String sellerSku) {
    return skus.takenSellerSkus(sellerId, List.of(sellerSku))
        .invoke(found -> {
          if (found.isEmpty()) {
            throw ProblemException.notFound("SKU", sellerSku);
          }
        })
        .chain(() -> stock.of(sellerId, sellerSku)).map(rows -> ChannelStockView.of(sellerSku, rows));
  }
}
