package io.stockbridge.console.stock.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.console.config.ConsoleConfig;
import io.stockbridge.console.products.client.ProductClient;
import io.stockbridge.console.shell.Section;
import io.stockbridge.console.stock.client.DailyAvailable;
import io.stockbridge.console.stock.client.SkuStock;
import io.stockbridge.console.stock.client.StockClient;
import io.stockbridge.console.warehouses.client.WarehouseClient;
import io.stockbridge.console.warehouses.client.WarehouseSummary;

/** Builds the Stock page from the ledger (and, for a barcode, the catalogue). */
@ApplicationScoped
public class StockOverview {
  /** What a barcode looks like (UPC-A, EAN-8, EAN-13, GTIN-14); anything else is searched as a seller SKU. */
  private static final Pattern BARCODE = Pattern.compile("\\d{8}|\\d{12,14}");

  private final StockClient stock;
  private final ProductClient products;
  private final WarehouseClient warehouses;
  private final ConsoleConfig config;

  public StockOverview(StockClient stock, ProductClient products, WarehouseClient warehouses, ConsoleConfig config) {
    this.stock = stock;
    this.products = products;
    this.warehouses = warehouses;
    this.config = config;
  }

  public Uni<StockView> view(String query) {
    String search = query == null ? "" : query.strip();
    // warehouse codes only label the rows: without the gateway the ledger's ids are shown
    Uni<Map<String, String>> codes = warehouses.warehouses().onFailure().recoverWithItem(List.of())
        .map(all -> all.stream().collect(Collectors.toMap(warehouse -> warehouse.id().toString(),
            WarehouseSummary::code, (a, b) -> a)));
    Uni<Section<List<StockView.Balance>>> balances = Section.of(Uni.combine().all().unis(stock.balances(), codes)
        .with((all, named) -> all.stream().map(balance -> new StockView.Balance(balance.sellerSku(),
            balance.warehouseId(), named.getOrDefault(balance.warehouseId(), balance.warehouseId()), balance.levels()))
            .toList()), "inventory-service");
    Uni<StockView.SkuView> sku = search.isEmpty() ? Uni.createFrom().nullItem() : sku(search);
    return Uni.combine().all().unis(balances, sku).with((all, one) -> {
      List<WarehouseTotals> totals = all.failed() ? List.of() : WarehouseTotals.of(all.value());
      return new StockView(search, all, totals, totals.isEmpty() ? null : StockCharts.stackedBars(totals), one);
    });
  }

  private Uni<StockView.SkuView> sku(String search) {
    Uni<Optional<String>> code = BARCODE.matcher(search).matches()
        ? products.skuWithBarcode(search).onFailure().recoverWithItem(Optional.empty())
        : Uni.createFrom().item(Optional.of(search));
    return code.chain(found -> {
      if (found.isEmpty()) {
        return Uni.createFrom().item(new StockView.SkuView(search, null, null, List.of(), null,
            "No SKU of yours has the barcode " + search + "."));
      }
      String sellerSku = found.get();
      String byBarcode = sellerSku.equals(search) ? null : search;
      Uni<Section<SkuStock>> now = Section.of(stock.ofSku(sellerSku), "inventory-service");
      return now.chain(balance -> balance.failed()
          ? Uni.createFrom().item(new StockView.SkuView(sellerSku, byBarcode, balance, List.of(), null, null))
          : stock.history(sellerSku, config.historyDays())
              .map(series -> new StockView.SkuView(sellerSku, byBarcode, balance, series,
                  StockCharts.dailyLine(sellerSku, series), null))
              .onFailure().recoverWithItem(failure -> new StockView.SkuView(sellerSku, byBarcode, balance,
                  List.of(), null, null)));
    });
  }
}
