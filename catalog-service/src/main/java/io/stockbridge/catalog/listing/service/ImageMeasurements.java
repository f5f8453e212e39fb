package io.stockbridge.catalog.listing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.listing.service.LocalListingChecks.MeasuredImage;
import io.stockbridge.catalog.product.image.ImageInspector;
import io.stockbridge.catalog.product.image.ProductImage;
import io.stockbridge.catalog.product.image.ProductImageRepository;

/** A product's main images decoded and measured for the local checks (LST-3), one at a time, in their order. */
@ApplicationScoped
public class ImageMeasurements {
  private final ProductImageRepository images;
  private final ImageInspector inspector;

  public ImageMeasurements(ProductImageRepository images, ImageInspector inspector) {
    this.images = images;
    this.inspector = inspector;
  }

  /** Each image measured, or named unreadable with the reason; one image at a time keeps decoding memory bounded. */
  Uni<List<MeasuredImage>> of(List<ProductImage> productImages) {
    return Multi.createFrom().iterable(productImages)
        .onItem().transformToUniAndConcatenate(this::measure)
        .collect().asList();
  }

  private Uni<MeasuredImage> measure(ProductImage image) {
    return Panache.withSession(() -> images.content(image.id))
        .chain(inspector::measure)
        .map(measurement -> new MeasuredImage(image.position, measurement, null))
        .onFailure(ImageInspector.UnreadableImage.class)
        .recoverWithItem(e -> new MeasuredImage(image.position, null, e.getMessage()));
  }
}
