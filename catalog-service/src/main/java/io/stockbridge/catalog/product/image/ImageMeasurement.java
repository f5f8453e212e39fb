package io.stockbridge.catalog.product.image;

/**
 * What decoding an image showed.
 *
 * @param format           {@code jpeg} or {@code png}
 * @param whiteBorderShare the share of the pixels in the image's outer frame that are white: a product photographed
 *                         on white has (nearly) all of them white, one on a grey or coloured backdrop few
 */
public record ImageMeasurement(String format, int width, int height, double whiteBorderShare) {
}
