package io.stockbridge.catalog.channelstock.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelpush.service.ChannelPushes;
import io.stockbridge.catalog.channelstock.repository.ChannelStockRepository;
import io.stockbridge.catalog.channelstock.rest.AvailableChange;
import io.stockbridge.catalog.channelstock.rest.ChannelStockView;

/**
 * Keeps the ledger's newest available quantity per SKU and warehouse, the number the channel is to show. A report
 * older than the stored one (a retry, a late delivery) changes nothing.
 */
@ApplicationScoped
public class ChannelStockService {
  private final ChannelStockRepository stock;
  private final MeterRegistry registry;
  private final ChannelPushes pushes;

  public ChannelStockService(ChannelStockRepository stock, MeterRegistry registry, ChannelPushes pushes) {
    this.stock = stock;
    this.registry = registry;
    this.pushes = pushes;
  }

  @WithTransaction
  public Uni<Boolean> record(String sellerId, AvailableChange change) {
    return stock.record(sellerId, change, OffsetDateTime.now(ZoneOffset.UTC))
        .invoke(applied -> registry.counter("stockbridge_channel_stock_reports_total",
            "outcome", applied ? "applied" : "older").increment())
        // a newer quantity is queued for the channel in the same transaction: taken in means sent, eventually
        .call(applied -> applied ? pushes.stockChanged(sellerId, change.sellerSku(), change.warehouseId(),
            change.available(), change.version(), change.changedAt()) : Uni.createFrom().voidItem());
  }

  @WithSession
  public Uni<ChannelStockView> of(String sellerId, String sellerSku) {
    return stock.of(sellerId, sellerSku).map(rows -> ChannelStockView.of(sellerSku, rows));
  }
}
