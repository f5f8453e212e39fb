package io.stockbridge.catalog.product.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.product.config.ImageConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Decodes images and measures them (LST-3): size in pixels and how white the background is. Decoding is CPU work,
 * so it runs on a worker thread and comes back on the caller's Vert.x context, where the reactive session lives.
 */
@ApplicationScoped
public class ImageInspector {
  private static final Set<String> FORMATS = Set.of("jpeg", "png");

  private final ImageConfig config;
  /** The decodes running at once, in turns of {@code decode-pixels} each, within the heap's share for them. */
  private final Semaphore decodes;

  public ImageInspector(ImageConfig config) {
    this.config = config;
    long budget = (long) (Runtime.getRuntime().maxMemory() * config.decodeHeapShare());
    // a decode's destination is 4 bytes a pixel; the decoder's own buffers are counted as as much again
    this.decodes = new Semaphore((int) Math.max(1, budget / (config.decodePixels() * 8)), true);
  }

  /** Fails with {@link UnreadableImage} when the bytes are not a JPEG or PNG image this service will decode. */
  public Uni<ImageMeasurement> measure(byte[] bytes) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Uni.createFrom().item(() -> measureNow(bytes));
    }
    return Uni.createFrom().completionStage(() -> context.executeBlocking(() -> measureNow(bytes), false)
        .toCompletionStage());
  }

  ImageMeasurement measureNow(byte[] bytes) {
    boolean turn;
    try {
      turn = decodes.tryAcquire(config.decodeWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      turn = false;
    }
    if (!turn) {
      throw new DecodersBusy(config.decodeWait());
    }
    try {
      return decode(bytes);
    } finally {
      decodes.release();
    }
  }

  /** Every how many pixels, along each side, the decode takes one, so that it holds at most decode-pixels. */
  int subsampling(long width, long height) {
    double factor = Math.sqrt((double) width * height / config.decodePixels());
    return (int) Math.max(1, Math.ceil(factor));
  }

  private ImageMeasurement decode(byte[] bytes) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
      if (readers == null || !readers.hasNext()) {
        throw new UnreadableImage("not an image this service can read (JPEG or PNG)");
      }
      ImageReader reader = readers.next();
      try {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        format = "jpg".equals(format) ? "jpeg" : format;
        if (!FORMATS.contains(format)) {
          throw new UnreadableImage("a " + format + " image; main images are JPEG or PNG");
        }
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        // the header's size is checked before the pixels are allocated: a small file may claim a huge image
        if ((long) width * height > config.maxPixels()) {
          throw new UnreadableImage("the image is " + width + "x" + height + " px, more than "
              + config.maxPixels() + " pixels");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height);
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        return new ImageMeasurement(format, width, height, whiteBorderShare(image));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableImage unreadable) {
        throw unreadable;
      }
      throw new UnreadableImage("the image cannot be decoded: " + e.getMessage());
    }
  }

  /** The share of white pixels in the outer frame (a band of {@code border-fraction} of the shorter side). */
  private double whiteBorderShare(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int band = Math.max(1, (int) Math.round(Math.min(width, height) * config.borderFraction()));
    long white = 0;
    long total = 0;
    for (int y = 0; y < height; y++) {
      boolean rowInBand = y < band || y >= height - band;
      for (int x = 0; x < width; x++) {
        if (!rowInBand && x >= band && x < width - band) {
          x = width - band - 1;
          continue;
        }
        total++;
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) >= config.whiteLevel() && ((rgb >> 8) & 0xff) >= config.whiteLevel()
            && (rgb & 0xff) >= config.whiteLevel()) {
          white++;
        }
      }
    }
    return total == 0 ? 0 : (double) white / total;
  }

  /** Every decode slot stayed taken for the whole wait: the upload is to be sent again, it is not refused. */
  public static class DecodersBusy extends RuntimeException {
    public DecodersBusy(java.time.Duration waited) {
      super("every image decoder stayed busy for " + waited.toSeconds() + " s", null, false, false);
    }
  }

  /** The bytes are not an image this service accepts. */
  public static class UnreadableImage extends RuntimeException {
    public UnreadableImage(String message) {
      super(message, null, false, false);
    }
  }
}
