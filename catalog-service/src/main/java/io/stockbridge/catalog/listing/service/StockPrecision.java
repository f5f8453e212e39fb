package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.channelpush.service.ChannelPushes;
import io.stockbridge.catalog.channelpush.service.ChannelPushes.ExpectedQuantity;
import io.stockbridge.catalog.connection.client.ChannelApiClient;
import io.stockbridge.catalog.connection.client.ChannelCredentials;
import io.stockbridge.catalog.connection.client.ChannelRefusal;
import io.stockbridge.catalog.connection.service.ChannelConnectionService;
import io.stockbridge.catalog.listing.ListingView;
import io.stockbridge.catalog.listing.config.ListingConfig;
import io.stockbridge.catalog.listing.repository.Listing;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.catalog.listing.repository.StockDrift;
import io.stockbridge.catalog.listing.repository.StockDrifts;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * LST-5, stock precision: a live listing whose channel quantity is off the ledger's by more than the tolerance
 * (5 units) is delisted on the channel and may not be published again until recalibrated. A quantity still queued
 * for the channel is not judged: the channel rightly differs until it arrives.
 */
@ApplicationScoped
public class StockPrecision {
  /** The channel's product statuses that mean the platform has frozen or taken down the product. */
  private static final java.util.Set<String> FROZEN_ON_CHANNEL = java.util.Set.of("FREEZE", "PLATFORM_DEACTIVATED");
  private static final int ROUND = 50;
  // stamped when claimed, so the next round (here or on another replica) takes the next listings
  private static final LeasedClaim DUE = LeasedClaim.from("listing", "l")
      .where("l.status in ('LIVE', 'FROZEN', 'DELISTING') and l.channel_product_id is not null")
      .where("l.precision_checked_at is null or l.precision_checked_at <= :due")
      .set("precision_checked_at = :now")
      .orderBy("precision_checked_at nulls first", "id").fairBy("seller_id")
      .build();

  private final ListingRepository listings;
  private final ChannelPushes pushes;
  private final ChannelConnectionService connections;
  private final ChannelApiClient channel;
  private final ListingStatusChanges changes;
  private final ListingConfig config;
  private final ObjectMapper mapper;
  private final SuiteClock clock;

  public StockPrecision(ListingRepository listings, ChannelPushes pushes, ChannelConnectionService connections,
      ChannelApiClient channel, ListingStatusChanges changes, ListingConfig config, ObjectMapper mapper, SuiteClock clock) {
    this.listings = listings;
    this.pushes = pushes;
    this.connections = connections;
    this.channel = channel;
    this.changes = changes;
    this.config = config;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Scheduled(every = "${stockbridge.catalog.listing.precision-check-interval:5m}", delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> checkOnSchedule() {
    return checkDue()
        .onFailure().invoke(e -> Log.warnf("Stock precision round failed: %s", e.getMessage()))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }

  /** Compares the live listings not compared within the interval; returns how many were delisted. */
  public Uni<Integer> checkDue() {
    OffsetDateTime now = clock.now();
    return Panache.withTransaction(() -> Panache.getSession()
        .chain(session -> session.createNativeQuery(DUE.sql(), UUID.class)
            .setParameter("now", now).setParameter("due", now.minus(config.precisionCheckInterval()))
            .setParameter("limit", ROUND)
            .getResultList()))
        .chain(ids -> Multi.createFrom().iterable(ids)
            .onItem().transformToUniAndConcatenate(id -> checkOne(id)
                .onFailure().invoke(e -> Log.warnf("Stock precision check of listing %s failed: %s", id,
                    e.getMessage()))
                .onFailure().recoverWithItem(false))
            .filter(Boolean::booleanValue)
            .collect().asList()
            .map(List::size));
  }

  private Uni<Boolean> checkOne(UUID id) {
    return Panache.withSession(() -> listings.findById(id).chain(listing -> pushes.expectedFor(listing)
            .map(expected -> new Snapshot(listing, expected))))
        .chain(snapshot -> connections.credentials(snapshot.listing().connectionId)
            .chain(credentials -> channel.getProduct(credentials, snapshot.listing().channelProductId)
                .chain(product -> {
                  if (snapshot.listing().status == ListingStatus.DELISTING) {
                    // a delisting interrupted (a restart) is finished, still under its lock
                    return delist(credentials, snapshot.listing(), snapshot.listing().stockDrift.items())
                        .replaceWith(true);
                  }
                  String status = product.path("status").asText();
                  if (FROZEN_ON_CHANNEL.contains(status) || snapshot.listing().status == ListingStatus.FROZEN) {
                    return followFreeze(snapshot.listing(), status).replaceWith(false);
                  }
                  List<StockDrift> drift = drift(snapshot.expected(), quantities(product), true);
                  return drift.isEmpty() ? Uni.createFrom().item(false)
                      : delist(credentials, snapshot.listing(), drift).replaceWith(true);
                })))
        .onFailure(ChannelRefusal.class).recoverWithUni(e -> Panache.withSession(() -> listings.findById(id))
            .chain(listing -> connections.noteRefusal(listing.connectionId, (ChannelRefusal) e)).replaceWith(false));
  }

  private record Snapshot(Listing listing, List<ExpectedQuantity> expected) {
  }

  /**
   * The channel froze the product for a violation (or lifted it): the listing follows, and with it the ledger's
   * edit lock on its SKUs (INV-1).
   */
  private Uni<Void> followFreeze(Listing found, String channelStatus) {
    boolean frozen = FROZEN_ON_CHANNEL.contains(channelStatus);
    return Panache.withTransaction(() -> listings.lockOwned(found.sellerId, found.id).chain(listing -> {
      if (frozen && listing.status == ListingStatus.LIVE) {
        return changes.move(listing, ListingStatus.FROZEN, List.of(new ListingFailure("frozen_by_channel", null,
            "The channel set the product to " + channelStatus + "; resolve the violation on the channel")),
            clock.now());
      }
      if (!frozen && listing.status == ListingStatus.FROZEN && "ACTIVATE".equals(channelStatus)) {
        return changes.move(listing, ListingStatus.LIVE, List.of(), clock.now());
      }
      return Uni.createFrom().voidItem();
    }));
  }

  /**
   * Takes the product off the channel. The listing is DELISTING while the channel's call is in flight, which holds
   * the ledger's delisting lock on its SKUs (INV-1): nobody edits stock by hand that the channel may still sell.
   */
  private Uni<Void> delist(ChannelCredentials credentials, Listing found, List<StockDrift> drift) {
    return Panache.withTransaction(() -> listings.lockOwned(found.sellerId, found.id).chain(listing -> {
      if (listing.status != ListingStatus.LIVE && listing.status != ListingStatus.DELISTING) {
        return Uni.createFrom().item(false);
      }
      listing.stockDrift = new StockDrifts(drift);
      return listing.status == ListingStatus.DELISTING ? Uni.createFrom().item(true)
          : changes.move(listing, ListingStatus.DELISTING, List.of(), clock.now()).replaceWith(true);
    })).chain(delisting -> !delisting ? Uni.createFrom().voidItem() : channel.setActive(credentials,
            found.channelProductId, false)
        .onFailure().invoke(e -> Log.warnf("Delisting channel product %s failed; the listing is still marked: %s",
            found.channelProductId, e.getMessage()))
        .onFailure().recoverWithNull()
        .chain(ignored -> Panache.withTransaction(() -> listings.lockOwned(found.sellerId, found.id)
            .chain(listing -> {
              if (listing.status != ListingStatus.DELISTING) {
                return Uni.createFrom().voidItem();
              }
              listing.recalibrationRequired = true;
              return changes.move(listing, ListingStatus.DELISTED, List.of(new ListingFailure("stock_drift",
                  "stock", describe(drift))), clock.now());
            }))));
  }

  /**
   * Pushes the ledger's quantities for every SKU and mapped warehouse, reads the channel back and, when every one
   * agrees within the tolerance, clears the listing for publication again.
   */
  public Uni<ListingView> recalibrate(String sellerId, UUID id) {
    return Panache.withSession(() -> listings.findOwned(sellerId, id)
            .onItem().ifNull().failWith(() -> ProblemException.notFound("Listing", id.toString()))
            .chain(listing -> {
              if (!listing.recalibrationRequired) {
                throw ProblemException.conflict(CatalogProblem.NOT_DRIFTED, "This listing's stock has not drifted (LST-5)");
              }
              return pushes.expectedFor(listing).map(expected -> new Snapshot(listing, expected));
            }))
        .chain(snapshot -> connections.credentials(snapshot.listing().connectionId)
            .chain(credentials -> channel.updateInventory(credentials, snapshot.listing().channelProductId,
                    inventoryBody(snapshot.expected()))
                .chain(() -> channelQuantities(credentials, snapshot.listing().channelProductId)))
            .map(onChannel -> drift(snapshot.expected(), onChannel, false))
            .chain(drift -> Panache.withTransaction(() -> listings.lockOwned(sellerId, id).map(listing -> {
              if (!drift.isEmpty()) {
                listing.stockDrift = new StockDrifts(drift);
                throw ProblemException.conflict(CatalogProblem.RECALIBRATION_FAILED, "The channel still differs from the"
                    + " ledger: " + describe(drift));
              }
              listing.recalibrationRequired = false;
              listing.stockDrift = null;
              listing.updatedAt = clock.now();
              return ListingView.of(listing);
            }))))
        .onFailure(io.stockbridge.catalog.connection.service.ConnectionNotActive.class)
        .transform(e -> ProblemException.conflict(CatalogProblem.CONNECTION_NOT_ACTIVE, e.getMessage()))
        .onFailure(ChannelRefusal.class).transform(e -> new ProblemException(502, CatalogProblem.CHANNEL_REFUSED, "Bad gateway",
            "The channel refused the recalibration (" + ((ChannelRefusal) e).code() + "): " + e.getMessage()));
  }

  private Uni<Map<String, Long>> channelQuantities(ChannelCredentials credentials, String productId) {
    return channel.getProduct(credentials, productId).map(StockPrecision::quantities);
  }

  /** Channel SKU id | warehouse id -> quantity, from the product's SKUs (a list or a map of inventory lines). */
  private static Map<String, Long> quantities(JsonNode product) {
    Map<String, Long> quantities = new HashMap<>();
    product.path("skus").forEach(sku -> {
      String skuId = sku.path("id").asText();
      JsonNode inventory = sku.path("inventory");
      if (inventory.isArray()) {
        inventory.forEach(line -> quantities.put(skuId + "|" + line.path("warehouse_id").asText(),
            line.path("quantity").asLong()));
      } else {
        inventory.fields().forEachRemaining(line -> quantities.put(skuId + "|" + line.getKey(),
            line.getValue().asLong()));
      }
    });
    return quantities;
  }


  private List<StockDrift> drift(List<ExpectedQuantity> expected, Map<String, Long> onChannel,
      boolean skipQueued) {
    List<StockDrift> drift = new ArrayList<>();
    for (ExpectedQuantity quantity : expected) {
      if (skipQueued && quantity.onItsWay()) {
        continue;
      }
      long shown = onChannel.getOrDefault(quantity.key(), 0L);
      if (Math.abs(shown - quantity.quantity()) > config.stockTolerance()) {
        drift.add(new StockDrift(quantity.sellerSku(), quantity.channelWarehouseId(), shown, quantity.quantity()));
      }
    }
    return drift;
  }

  private String inventoryBody(List<ExpectedQuantity> expected) {
    Map<String, List<Map<String, Object>>> bySku = new java.util.LinkedHashMap<>();
    expected.forEach(quantity -> bySku.computeIfAbsent(quantity.channelSkuId(), key -> new ArrayList<>())
        .add(Map.of("warehouse_id", quantity.channelWarehouseId(), "quantity", quantity.quantity())));
    List<Map<String, Object>> skus = new ArrayList<>();
    bySku.forEach((skuId, lines) -> skus.add(Map.of("id", skuId, "inventory", lines)));
    try {
      return mapper.writeValueAsString(Map.of("skus", skus));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String describe(List<StockDrift> drift) {
    StringBuilder text = new StringBuilder("the channel's stock is off the ledger's by more than "
        + config.stockTolerance() + " units (LST-5):");
    drift.forEach(d -> text.append(' ').append(d.sellerSku()).append(" in ").append(d.channelWarehouseId())
        .append(" shows ").append(d.channelQuantity()).append(", the ledger has ").append(d.ledgerQuantity())
        .append(';'));
    return text.toString();
  }
}
