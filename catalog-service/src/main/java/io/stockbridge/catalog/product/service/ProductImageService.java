package io.stockbridge.catalog.product.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.product.ImageView;
import io.stockbridge.catalog.product.config.ImageConfig;
import io.stockbridge.catalog.product.image.ImageInspector;
import io.stockbridge.catalog.product.image.ProductImage;
import io.stockbridge.catalog.product.image.ProductImageRepository;
import io.stockbridge.catalog.product.repository.ProductRepository;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * A product's main images. Each upload is decoded before anything is stored: what is kept is an image this service
 * has measured, so a listing's checks rest on pixels, not on what a client said.
 */
@ApplicationScoped
public class ProductImageService {
  private final ProductRepository products;
  private final ProductImageRepository images;
  private final ImageInspector inspector;
  private final ImageConfig config;
  private final SuiteClock clock;

  public ProductImageService(ProductRepository products, ProductImageRepository images, ImageInspector inspector,
      ImageConfig config, SuiteClock clock) {
    this.products = products;
    this.images = images;
    this.inspector = inspector;
    this.config = config;
    this.clock = clock;
  }

  public Uni<ImageView> upload(String sellerId, UUID productId, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw ProblemException.badRequest(CommonProblem.EMPTY_FILE, "The image is empty", List.of());
    }
    if (bytes.length > config.maxBytes()) {
      throw new ProblemException(413, CommonProblem.FILE_TOO_LARGE, "Payload too large",
          "An image may have at most " + config.maxBytes() + " bytes; this one has " + bytes.length);
    }
    return inspector.measure(bytes)
        .onFailure(ImageInspector.UnreadableImage.class).transform(e -> new ProblemException(415,
            CatalogProblem.UNSUPPORTED_IMAGE, "Unsupported media type", e.getMessage()))
        .onFailure(ImageInspector.DecodersBusy.class).transform(e -> new ProblemException(503,
            CatalogProblem.IMAGE_DECODERS_BUSY, "Service unavailable", e.getMessage() + "; send the image again")
            .notYet().withHeader("Retry-After", "5"))
        .chain(measured -> Panache.withTransaction(() -> products.findOwned(sellerId, productId)
            .onItem().ifNull().failWith(() -> ProblemException.notFound("Product", productId.toString()))
            // the product row is locked so that two uploads at once cannot pass the count or share a position
            .call(product -> Panache.getSession().chain(session -> session.lock(product,
                org.hibernate.LockMode.PESSIMISTIC_WRITE)))
            .chain(product -> images.countOf(productId))
            .chain(count -> {
              if (count >= config.maxPerProduct()) {
                throw ProblemException.conflict(CatalogProblem.TOO_MANY_IMAGES,
                    "A product has at most " + config.maxPerProduct() + " main images; delete one first");
              }
              return images.nextPosition(productId);
            })
            .chain(position -> {
              ProductImage image = new ProductImage();
              image.id = UUID.randomUUID();
              image.sellerId = sellerId;
              image.productId = productId;
              image.position = position;
              image.contentType = "image/" + measured.format();
              image.width = measured.width();
              image.height = measured.height();
              image.sizeBytes = bytes.length;
              image.sha256 = sha256(bytes);
              image.createdAt = clock.now();
              return images.persist(image).call(() -> images.storeContent(image.id, bytes))
                  .map(ImageView::of);
            })));
  }

  @WithSession
  public Uni<List<ImageView>> list(String sellerId, UUID productId) {
    return products.findOwned(sellerId, productId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Product", productId.toString()))
        .chain(product -> images.ofProducts(List.of(productId)))
        .map(found -> found.stream().map(ImageView::of).toList());
  }

  /** The image's description and bytes. */
  @WithSession
  public Uni<StoredImage> content(String sellerId, UUID productId, UUID imageId) {
    return images.findOwned(sellerId, productId, imageId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Image", imageId.toString()))
        .chain(image -> images.content(imageId).map(bytes -> new StoredImage(image.contentType, bytes)));
  }

  @WithTransaction
  public Uni<Void> delete(String sellerId, UUID productId, UUID imageId) {
    return images.findOwned(sellerId, productId, imageId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Image", imageId.toString()))
        .chain(images::delete);
  }

  /** An image as stored. */
  public record StoredImage(String contentType, byte[] bytes) {
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
