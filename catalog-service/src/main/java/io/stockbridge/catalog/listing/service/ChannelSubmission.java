package io.stockbridge.catalog.listing.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.connection.client.ChannelApiClient;
import io.stockbridge.catalog.connection.client.ChannelCredentials;
import io.stockbridge.catalog.connection.client.ChannelRefusal;
import io.stockbridge.catalog.connection.service.ChannelConnectionService;
import io.stockbridge.catalog.connection.service.ConnectionNotActive;
import io.stockbridge.catalog.listing.client.ChannelProductMapper;
import io.stockbridge.catalog.product.image.ProductImageRepository;
import io.stockbridge.catalog.listing.client.ChannelProductState;
import io.stockbridge.catalog.listing.repository.AttemptStage;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.platform.problem.ProblemException;

/**
 * The channel step of a publication: the product is created on the channel (or taken, when the shop already has it
 * from an earlier create whose answer was lost), or listed again after a recalibration (LST-5). Every answer of the
 * channel becomes an attempt result: a refusal of the product is a failed submission, a refusal of the connection
 * (CH-3, CH-4) or no answer stops the attempt without counting against the product.
 */
@ApplicationScoped
public class ChannelSubmission {
  private final ChannelConnectionService connections;
  private final ChannelApiClient channel;
  private final ChannelProductMapper payloads;
  private final ProductImageRepository images;
  private final ListingRepository listings;

  public ChannelSubmission(ChannelConnectionService connections, ChannelApiClient channel,
      ChannelProductMapper payloads, ListingRepository listings, ProductImageRepository images) {
    this.images = images;
    this.connections = connections;
    this.channel = channel;
    this.payloads = payloads;
    this.listings = listings;
  }

  Uni<AttemptResult> submit(PublicationClaim claim, UUID checkId) {
    return connections.credentials(claim.connectionId())
        .chain(credentials -> claim.relist() ? relist(credentials, claim) : findOrCreate(credentials, claim))
        .map(product -> AttemptResult.submitted(product, checkId))
        .onFailure(ConnectionNotActive.class).recoverWithItem(e -> AttemptResult.notSubmitted(AttemptStage.CHANNEL,
            new ListingFailure("connection_not_active", "connectionId", e.getMessage()), checkId,
            ProblemException.conflict(CatalogProblem.CONNECTION_NOT_ACTIVE, e.getMessage())))
        .onFailure(ChannelRefusal.class).recoverWithUni(e -> refused(claim, (ChannelRefusal) e, checkId))
        .onFailure(e -> !(e instanceof ProblemException)).recoverWithItem(e -> unanswered(e, checkId));
  }

  private Uni<ChannelProductState> relist(ChannelCredentials credentials, PublicationClaim claim) {
    return channel.setActive(credentials, claim.channelProductId(), true)
        .map(ignored -> new ChannelProductState(claim.channelProductId(), true, claim.channelSkus()));
  }

  /**
   * The channel's product for the listing. One the shop already has in audit or live with the listing's SKUs is
   * taken as it is, so the product is never created twice; otherwise it is created now.
   */
  private Uni<ChannelProductState> findOrCreate(ChannelCredentials credentials, PublicationClaim claim) {
    return channel.searchProducts(credentials, claim.sellerSkus())
        .map(found -> payloads.existing(found, claim.sellerSkus()))
        .chain(existing -> existing.isEmpty() ? create(credentials, claim) : takeOrCreate(credentials, claim,
            existing.get()));
  }

  /** Another listing's product (the same SKUs in another market of the shop) stays that listing's. */
  private Uni<ChannelProductState> takeOrCreate(ChannelCredentials credentials, PublicationClaim claim,
      ChannelProductState existing) {
    return Panache.withSession(() -> listings.heldByAnother(claim.connectionId(), existing.productId(),
            claim.listingId()))
        .chain(held -> {
          if (held) {
            return create(credentials, claim);
          }
          Log.infof("Listing %s: the channel already has product %s with its SKUs; it is taken, not created again",
              claim.listingId(), existing.productId());
          return Uni.createFrom().item(existing);
        });
  }

  /** Uploads the main images in their order, then creates the product naming them (LST-3). */
  private Uni<ChannelProductState> create(ChannelCredentials credentials, PublicationClaim claim) {
    return Multi.createFrom().iterable(claim.images())
        .onItem().transformToUniAndConcatenate(image -> Panache.withSession(() -> images.content(image.id))
            .chain(bytes -> channel.uploadMainImage(credentials, bytes))
            .map(answer -> answer.path("uri").asText()))
        .collect().asList()
        .chain(uris -> channel.createProduct(credentials, payloads.body(claim.product(), uris, claim.skus())))
        .map(payloads::created);
  }

  private Uni<AttemptResult> refused(PublicationClaim claim, ChannelRefusal refusal, UUID checkId) {
    return connections.noteRefusal(claim.connectionId(), refusal).map(aboutConnection -> {
      if (!aboutConnection) {
        return AttemptResult.failed(AttemptStage.CHANNEL, true, java.util.List.of(new ListingFailure(
            "channel_rejected", null, "The channel refused the product (" + refusal.code() + "): "
                + refusal.getMessage())), checkId);
      }
      CatalogProblem code = refusal.httpStatus() == 401 ? CatalogProblem.REAUTHORIZATION_REQUIRED
          : CatalogProblem.UNAUTHORIZED_CHANNEL;
      ListingFailure failure = new ListingFailure(code.code().toLowerCase(), "connectionId", "The channel answered "
          + refusal.httpStatus() + " (" + refusal.code() + "): " + refusal.getMessage());
      return AttemptResult.notSubmitted(AttemptStage.CHANNEL, failure,
          checkId, new ProblemException(409, code, "Conflict", "The channel refused the connection ("
              + refusal.code() + ": " + refusal.getMessage() + "); the seller must authorise it again")
              .with("channelCode", refusal.code()));
    });
  }

  private static AttemptResult unanswered(Throwable failure, UUID checkId) {
    return AttemptResult.notSubmitted(AttemptStage.CHANNEL, new ListingFailure("channel_unavailable", null,
        "The channel did not answer: " + failure.getMessage()), checkId, new ProblemException(503,
        CatalogProblem.CHANNEL_UNAVAILABLE, "Service unavailable", "The channel did not answer; try again shortly"));
  }
}
