package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.connection.client.ChannelApiClient;
import io.stockbridge.catalog.connection.client.ChannelCredentials;
import io.stockbridge.catalog.connection.client.ChannelRefusal;
import io.stockbridge.catalog.connection.service.ChannelConnectionService;
import io.stockbridge.catalog.connection.service.ConnectionNotActive;
import io.stockbridge.catalog.listing.client.ComplianceCheckRequest;
import io.stockbridge.catalog.listing.client.ComplianceClient;
import io.stockbridge.catalog.listing.client.ComplianceRefusal;
import io.stockbridge.catalog.listing.client.ComplianceVerdict;
import io.stockbridge.catalog.listing.config.ListingConfig;
import io.stockbridge.catalog.listing.repository.Listing;
import io.stockbridge.catalog.listing.repository.ListingAttempt;
import io.stockbridge.catalog.listing.repository.ListingAttemptRepository;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingFailures;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.catalog.listing.repository.PublicationLockRepository;
import io.stockbridge.catalog.listing.rest.ListingView;
import io.stockbridge.catalog.listing.service.LocalListingChecks.MeasuredImage;
import io.stockbridge.catalog.product.image.ImageInspector;
import io.stockbridge.catalog.product.image.ProductImage;
import io.stockbridge.catalog.product.image.ProductImageRepository;
import io.stockbridge.catalog.product.repository.Product;
import io.stockbridge.catalog.product.repository.ProductRepository;
import io.stockbridge.catalog.product.repository.Sku;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Publishes a listing (LST-1..4): the local checks on the product's data and decoded images, then
 * compliance-service's check, then the channel's product call. No transaction is open during the calls: the listing
 * is claimed (PUBLISHING) in one, and the outcome is recorded in another, with the attempt kept either way.
 */
@ApplicationScoped
public class ListingPublisher {
  private final ListingRepository listings;
  private final ListingAttemptRepository attempts;
  private final PublicationLockRepository locks;
  private final ProductRepository products;
  private final SkuRepository skus;
  private final ProductImageRepository images;
  private final ImageInspector inspector;
  private final LocalListingChecks localChecks;
  private final ComplianceClient compliance;
  private final ChannelConnectionService connections;
  private final ChannelApiClient channel;
  private final ListingStatusChanges changes;
  private final ListingConfig config;
  private final ObjectMapper mapper;

  public ListingPublisher(ListingRepository listings, ListingAttemptRepository attempts,
      PublicationLockRepository locks, ProductRepository products, SkuRepository skus, ProductImageRepository images,
      ImageInspector inspector, LocalListingChecks localChecks, ComplianceClient compliance,
      ChannelConnectionService connections, ChannelApiClient channel, ListingStatusChanges changes,
      ListingConfig config, ObjectMapper mapper) {
    this.listings = listings;
    this.attempts = attempts;
    this.locks = locks;
    this.products = products;
    this.skus = skus;
    this.images = images;
    this.inspector = inspector;
    this.localChecks = localChecks;
    this.compliance = compliance;
    this.connections = connections;
    this.channel = channel;
    this.changes = changes;
    this.config = config;
    this.mapper = mapper;
  }

  /** What a claimed publication works from. */
  record Claim(UUID listingId, String sellerId, String actor, UUID connectionId, String market,
      ListingStatus previousStatus, OffsetDateTime claimedAt, Product product, List<Sku> skus,
      List<ProductImage> images, String channelProductId, Map<String, String> channelSkus,
      ProblemException refusal) {

    List<String> sellerSkus() {
      return skus.stream().map(sku -> sku.sellerSku).toList();
    }
  }

  /** How an attempt ended. */
  record Outcome(String stage, String outcome, boolean submitted, List<ListingFailure> failures, UUID checkId,
      String channelProductId, Map<String, String> channelSkus, ProblemException answer) {

    static Outcome failed(String stage, boolean submitted, List<ListingFailure> failures, UUID checkId) {
      return new Outcome(stage, "FAILED", submitted, failures, checkId, null, Map.of(), null);
    }

    static Outcome notSubmitted(String stage, ListingFailure failure, UUID checkId, ProblemException answer) {
      return new Outcome(stage, "NOT_SUBMITTED", false, List.of(failure), checkId, null, Map.of(), answer);
    }
  }

  public Uni<ListingView> publish(String sellerId, String actor, UUID listingId) {
    return Panache.withTransaction(() -> claim(sellerId, actor, listingId, ListingService.now()))
        .chain(claim -> {
          if (claim.refusal() != null) {
            return Uni.createFrom().failure(claim.refusal());
          }
          return attempt(claim)
              .onFailure().recoverWithItem(failure -> {
                Log.errorf(failure, "Publication of listing %s failed unexpectedly", claim.listingId());
                return Outcome.notSubmitted("LOCAL", new ListingFailure("publication_error", null,
                    "The publication could not be completed; try again"), null,
                    new ProblemException(503, "PUBLICATION_INTERRUPTED", "Service unavailable",
                        "The publication could not be completed; nothing was submitted. Try again."));
              })
              .chain(outcome -> Panache.withTransaction(() -> record(claim, outcome))
                  .map(view -> {
                    if (outcome.answer() != null) {
                      throw outcome.answer();
                    }
                    return view;
                  }));
        });
  }

  private Uni<Claim> claim(String sellerId, String actor, UUID listingId, OffsetDateTime now) {
    return listings.lockOwned(sellerId, listingId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Listing", listingId.toString()))
        .chain(listing -> {
          refuseByStatus(listing, now);
          return products.findById(listing.productId).chain(product -> skus.ofProducts(List.of(product.id))
              .chain(productSkus -> images.ofProducts(List.of(product.id))
                  .chain(productImages -> locks.heldAt(sellerId, productSkus.stream().map(s -> s.sellerSku).toList(),
                      now).chain(held -> {
                        if (!held.isEmpty()) {
                          Object[] latest = held.get(0);
                          OffsetDateTime until = (OffsetDateTime) latest[1];
                          List<ListingFailure> failures = held.stream().map(row -> new ListingFailure("listing_locked",
                              "skus", "SKU " + row[0] + " is locked until " + row[1] + ": " + row[2])).toList();
                          ProblemException refusal = ProblemException.conflict("LISTING_LOCKED", "SKU " + latest[0]
                              + " had more than " + config.failedSubmissionsLimit() + " failed submissions within "
                              + config.failureWindow().toHours() + " hours; it may be published again after " + until)
                              .with("lockedUntil", until.toString());
                          Claim claim = new Claim(listing.id, sellerId, actor, listing.connectionId, listing.market,
                              listing.status, now, product, productSkus, productImages, listing.channelProductId,
                              listing.channelSkus, refusal);
                          return attempts.persist(attemptOf(claim, new Outcome("LOCAL", "NOT_SUBMITTED", false,
                              failures, null, null, Map.of(), refusal), now)).replaceWith(claim);
                        }
                        ListingStatus previous = listing.status;
                        listing.status = ListingStatus.PUBLISHING;
                        listing.publishingSince = now;
                        listing.updatedAt = now;
                        return Uni.createFrom().item(new Claim(listing.id, sellerId, actor, listing.connectionId,
                            listing.market, previous, now, product, productSkus, productImages,
                            listing.channelProductId, listing.channelSkus, null));
                      }))));
        });
  }

  private void refuseByStatus(Listing listing, OffsetDateTime now) {
    switch (listing.status) {
      case PUBLISHING -> {
        if (listing.publishingSince != null && listing.publishingSince.plus(config.publishLease()).isAfter(now)) {
          throw ProblemException.conflict("PUBLICATION_IN_PROGRESS", "This listing is being published now");
        }
      }
      case IN_REVIEW -> throw ProblemException.conflict("LISTING_IN_REVIEW",
          "The channel is reviewing this listing; its result arrives by webhook");
      case LIVE -> throw ProblemException.conflict("LISTING_ALREADY_LIVE", "This listing is already live");
      case FROZEN -> throw ProblemException.conflict("LISTING_FROZEN",
          "The channel froze this listing for a violation; resolve it on the channel first");
      case DELISTED -> {
        if (listing.recalibrationRequired) {
          throw ProblemException.conflict("RECALIBRATION_REQUIRED", "The channel's stock drifted from the"
              + " ledger's by more than " + config.stockTolerance() + " units (LST-5); recalibrate the listing"
              + " (POST /v1/listings/" + listing.id + "/recalibration) before publishing it again");
        }
      }
      default -> {
      }
    }
  }

  /** The checks and calls, outside any transaction; each step runs only when the one before found nothing. */
  private Uni<Outcome> attempt(Claim claim) {
    return measure(claim.images()).chain(measured -> {
      List<ListingFailure> local = localChecks.check(claim.product(), claim.skus(), measured);
      if (!local.isEmpty()) {
        return Uni.createFrom().item(Outcome.failed("LOCAL", false, local, null));
      }
      return compliance.check(claim.sellerId(), complianceRequest(claim))
          .onFailure(e -> !(e instanceof ComplianceRefusal)).recoverWithItem(e -> {
            Log.warnf("The compliance check of listing %s could not be made: %s", claim.listingId(), e.toString());
            return null;
          })
          .onFailure(ComplianceRefusal.class).recoverWithItem(e -> new ComplianceVerdict(null, false, 0,
              List.of(new ComplianceVerdict.Finding("compliance_check_refused", null, null, e.getMessage(), null)),
              List.of()))
          .chain(verdict -> {
            if (verdict == null) {
              return Uni.createFrom().item(Outcome.notSubmitted("COMPLIANCE", new ListingFailure(
                  "compliance_check_unavailable", null, "compliance-service could not be asked; nothing was"
                      + " submitted"), null, new ProblemException(503, "COMPLIANCE_UNAVAILABLE",
                  "Service unavailable", "The compliance check could not be made; try again shortly")));
            }
            if (!verdict.compliant()) {
              return Uni.createFrom().item(Outcome.failed("COMPLIANCE", false, verdict.failureList().stream()
                  .map(finding -> new ListingFailure(finding.code(), finding.field(), finding.message()))
                  .toList(), verdict.id()));
            }
            return submit(claim, verdict.id());
          });
    });
  }

  private Uni<List<MeasuredImage>> measure(List<ProductImage> productImages) {
    List<MeasuredImage> measured = new ArrayList<>();
    return Multi.createFrom().iterable(productImages)
        .onItem().transformToUniAndConcatenate(image -> Panache.withSession(() -> images.content(image.id))
            .chain(bytes -> inspector.measure(bytes))
            .map(measurement -> new MeasuredImage(image.position, measurement, null))
            .onFailure(ImageInspector.UnreadableImage.class)
            .recoverWithItem(e -> new MeasuredImage(image.position, null, e.getMessage()))
            .invoke(measured::add))
        .collect().asList()
        .replaceWith(measured);
  }

  private ComplianceCheckRequest complianceRequest(Claim claim) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (claim.product().attributes != null) {
      claim.product().attributes.forEach((name, value) -> attributes.put(name,
          "true".equalsIgnoreCase(value) ? Boolean.TRUE : "false".equalsIgnoreCase(value) ? Boolean.FALSE : value));
    }
    return new ComplianceCheckRequest(claim.market(), claim.product().category, claim.product().id.toString(),
        claim.sellerSkus(), new ComplianceCheckRequest.Facts(claim.product().titles.get("en"),
            claim.product().brand, attributes));
  }

  private Uni<Outcome> submit(Claim claim, UUID checkId) {
    boolean relist = claim.previousStatus() == ListingStatus.DELISTED && claim.channelProductId() != null;
    return connections.credentials(claim.connectionId())
        .chain(credentials -> relist
            // delisted for stock drift and recalibrated (LST-5): the channel's product is listed again
            ? channel.setActive(credentials, claim.channelProductId(), true).map(ignored -> relisted(claim))
            : findOrCreate(credentials, claim))
        .map(data -> {
          Map<String, String> channelSkus = new LinkedHashMap<>();
          data.path("skus").forEach(sku -> channelSkus.put(sku.path("seller_sku").asText(), sku.path("id").asText()));
          boolean live = "ACTIVATE".equals(data.path("status").asText());
          return new Outcome("CHANNEL", live ? "LIVE" : "IN_REVIEW", true, List.of(), checkId,
              data.path("product_id").asText(null), channelSkus, null);
        })
        .onFailure(ConnectionNotActive.class).recoverWithItem(e -> Outcome.notSubmitted("CHANNEL",
            new ListingFailure("connection_not_active", "connectionId", e.getMessage()), checkId,
            ProblemException.conflict("CONNECTION_NOT_ACTIVE", e.getMessage())))
        .onFailure(ChannelRefusal.class).recoverWithUni(e -> {
          ChannelRefusal refusal = (ChannelRefusal) e;
          return connections.noteRefusal(claim.connectionId(), refusal).map(aboutConnection -> {
            if (aboutConnection) {
              String code = refusal.httpStatus() == 401 ? "REAUTHORIZATION_REQUIRED" : "UNAUTHORIZED_CHANNEL";
              return Outcome.notSubmitted("CHANNEL", new ListingFailure(code.toLowerCase(), "connectionId",
                  "The channel answered " + refusal.httpStatus() + " (" + refusal.code() + "): "
                      + refusal.getMessage()), checkId, new ProblemException(409, code, "Conflict",
                  "The channel refused the connection (" + refusal.code() + ": " + refusal.getMessage()
                      + "); the seller must authorise it again").with("channelCode", refusal.code()));
            }
            return Outcome.failed("CHANNEL", true, List.of(new ListingFailure("channel_rejected", null,
                "The channel refused the product (" + refusal.code() + "): " + refusal.getMessage())), checkId);
          });
        })
        .onFailure(e -> !(e instanceof ProblemException)).recoverWithItem(e -> Outcome.notSubmitted("CHANNEL",
            new ListingFailure("channel_unavailable", null, "The channel did not answer: " + e.getMessage()),
            checkId, new ProblemException(503, "CHANNEL_UNAVAILABLE", "Service unavailable",
                "The channel did not answer; try again shortly")));
  }

  /**
   * The channel's product for the listing. One the shop already has in audit or live with the listing's SKUs (a
   * create whose answer was lost to a timeout, or a crash before its answer was recorded) is taken as it is, so the
   * product is never created twice; otherwise it is created now.
   */
  private Uni<JsonNode> findOrCreate(ChannelCredentials credentials, Claim claim) {
    return channel.searchProducts(credentials, claim.sellerSkus()).chain(found -> {
      JsonNode existing = existingProduct(found, claim);
      if (existing == null) {
        return channel.createProduct(credentials, productBody(claim));
      }
      String productId = existing.path("product_id").asText();
      // another listing's product (the same SKUs in another market of the shop) stays that listing's
      return Panache.withSession(() -> listings.heldByAnother(claim.connectionId(), productId, claim.listingId()))
          .chain(held -> {
            if (held) {
              return channel.createProduct(credentials, productBody(claim));
            }
            Log.infof("Listing %s: the channel already has product %s with its SKUs; it is taken, not created again",
                claim.listingId(), productId);
            return Uni.createFrom().item(existing);
          });
    });
  }

  /** A product of the search answer in audit or live carrying one of the listing's SKUs, shaped as a create's answer. */
  private JsonNode existingProduct(JsonNode found, Claim claim) {
    List<String> sellerSkus = claim.sellerSkus();
    for (JsonNode product : found.path("products")) {
      String status = product.path("status").asText();
      boolean current = "PENDING".equals(status) || "ACTIVATE".equals(status);
      boolean ours = false;
      for (JsonNode sku : product.path("skus")) {
        ours |= sellerSkus.contains(sku.path("seller_sku").asText());
      }
      if (current && ours) {
        com.fasterxml.jackson.databind.node.ObjectNode data = mapper.createObjectNode();
        data.put("product_id", product.path("id").asText());
        data.put("status", status);
        data.set("skus", product.path("skus"));
        return data;
      }
    }
    return null;
  }

  private JsonNode relisted(Claim claim) {
    com.fasterxml.jackson.databind.node.ObjectNode data = mapper.createObjectNode();
    data.put("product_id", claim.channelProductId());
    data.put("status", "ACTIVATE");
    claim.channelSkus().forEach((sellerSku, id) -> data.withArray("skus").addObject().put("seller_sku", sellerSku)
        .put("id", id));
    return data;
  }

  /** The channel's product: title, description, category, brand and each SKU with its barcode and weight. */
  private String productBody(Claim claim) {
    Product product = claim.product();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", product.titles.get("en"));
    body.put("description", product.description == null ? "" : product.description);
    body.put("category_path", product.category);
    if (product.brand != null) {
      body.put("brand_name", product.brand);
    }
    body.put("origin_country", product.originCountry);
    body.put("manufacturer", Map.of("name", product.manufacturerName == null ? "" : product.manufacturerName,
        "address", product.manufacturerAddress));
    List<Map<String, Object>> channelSkus = new ArrayList<>();
    for (Sku sku : claim.skus()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("seller_sku", sku.sellerSku);
      if (sku.barcode != null) {
        line.put("identifier_code", Map.of("code", sku.barcode, "type", "GTIN"));
      }
      if (sku.weightValue != null) {
        line.put("package_weight", Map.of("value", sku.weightValue.toPlainString(), "unit", sku.weightUnit));
      }
      channelSkus.add(line);
    }
    body.put("skus", channelSkus);
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records the attempt and moves the listing; a failed submission counts towards LST-4. */
  private Uni<ListingView> record(Claim claim, Outcome outcome) {
    OffsetDateTime now = ListingService.now();
    return listings.lockOwned(claim.sellerId(), claim.listingId()).chain(listing -> {
      ListingAttempt attempt = attemptOf(claim, outcome, claim.claimedAt());
      if (!"IN_REVIEW".equals(outcome.outcome())) {
        attempt.decidedAt = now;
      }
      ListingStatus next = switch (outcome.outcome()) {
        case "LIVE" -> ListingStatus.LIVE;
        case "IN_REVIEW" -> ListingStatus.IN_REVIEW;
        case "FAILED" -> ListingStatus.FAILED;
        default -> claim.previousStatus() == ListingStatus.PUBLISHING ? ListingStatus.DRAFT : claim.previousStatus();
      };
      if (outcome.submitted() && outcome.channelProductId() != null) {
        listing.channelProductId = outcome.channelProductId();
        listing.channelSkus = outcome.channelSkus();
      }
      List<ListingFailure> shown = "NOT_SUBMITTED".equals(outcome.outcome()) ? listing.failures.list()
          : outcome.failures();
      return attempts.persist(attempt)
          .chain(() -> changes.move(listing, next, shown, now))
          .chain(() -> outcome.submitted() && "FAILED".equals(outcome.outcome())
              ? changes.countFailedSubmission(claim.sellerId(), claim.sellerSkus(), now).replaceWithVoid()
              : Uni.createFrom().voidItem())
          .call(() -> listings.flush())
          .map(ignored -> ListingView.of(listing));
    });
  }

  private static ListingAttempt attemptOf(Claim claim, Outcome outcome, OffsetDateTime at) {
    ListingAttempt attempt = new ListingAttempt();
    attempt.id = UUID.randomUUID();
    attempt.listingId = claim.listingId();
    attempt.sellerId = claim.sellerId();
    attempt.sellerSkus = claim.sellerSkus().toArray(String[]::new);
    attempt.stage = outcome.stage();
    attempt.outcome = outcome.outcome();
    attempt.submitted = outcome.submitted();
    attempt.failures = ListingFailures.of(outcome.failures());
    attempt.complianceCheckId = outcome.checkId();
    attempt.attemptedBy = claim.actor();
    attempt.attemptedAt = at;
    attempt.decidedAt = outcome.submitted() ? null : at;
    return attempt;
  }
}
