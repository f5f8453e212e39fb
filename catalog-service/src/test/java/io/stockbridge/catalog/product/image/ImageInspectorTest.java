package io.stockbridge.catalog.product.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.stockbridge.catalog.TestImages;
import io.stockbridge.catalog.product.config.ImageConfig;

/**
 * Decoding stays within a bounded share of memory: a large image is decoded subsampled (its real dimensions come
 * from the header), and decodes beyond the heap's share wait their turn or are answered "busy", never with an
 * OutOfMemoryError and never by calling a valid image unreadable.
 */
class ImageInspectorTest {
  private static ImageConfig config(double heapShare, Duration wait) {
    return new ImageConfig() {
      @Override
      public int maxBytes() {
        return 5 * 1024 * 1024;
      }

      @Override
      public int maxPerProduct() {
        return 9;
      }

      @Override
      public long maxPixels() {
        return 25_000_000;
      }

      @Override
      public long decodePixels() {
        return 2_000_000;
      }

      @Override
      public double decodeHeapShare() {
        return heapShare;
      }

      @Override
      public Duration decodeWait() {
        return wait;
      }

      @Override
      public int whiteLevel() {
        return 240;
      }

      @Override
      public double borderFraction() {
        return 0.02;
      }
    };
  }

  @Test
  void aLargeImageIsMeasuredFromASubsampledDecodeWithItsRealSize() {
    ImageInspector inspector = new ImageInspector(config(0.25, Duration.ofSeconds(10)));
    byte[] large = TestImages.png(6000, 4000, TestImages.WHITE);
    assertThat(inspector.subsampling(6000, 4000)).isEqualTo(4);
    ImageMeasurement measured = inspector.measureNow(large);
    assertThat(measured.width()).isEqualTo(6000);
    assertThat(measured.height()).isEqualTo(4000);
    assertThat(measured.whiteBorderShare()).isGreaterThan(0.99);
    assertThat(inspector.measureNow(TestImages.png(6000, 4000, TestImages.GREY)).whiteBorderShare()).isLessThan(0.01);
  }

  @Test
  void decodesBeyondTheHeapsShareAreBusyNeverUnreadable() throws Exception {
    // a share so small that one decode at a time fits, and no patience: the others are answered busy at once
    ImageInspector inspector = new ImageInspector(config(0.0000001, Duration.ofMillis(1)));
    byte[] large = TestImages.png(6000, 4000, TestImages.WHITE);
    ExecutorService uploads = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> outcomes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        outcomes.add(uploads.submit(() -> {
          start.await();
          try {
            return inspector.measureNow(large);
          } catch (ImageInspector.DecodersBusy busy) {
            return busy;
          }
        }));
      }
      start.countDown();
      int measured = 0;
      int busy = 0;
      for (Future<Object> outcome : outcomes) {
        Object result = outcome.get();
        if (result instanceof ImageMeasurement measurement) {
          assertThat(measurement.width()).isEqualTo(6000);
          measured++;
        } else {
          assertThat(result).isInstanceOf(ImageInspector.DecodersBusy.class);
          busy++;
        }
      }
      assertThat(measured).isGreaterThanOrEqualTo(1);
      assertThat(busy).isGreaterThanOrEqualTo(1);
    } finally {
      uploads.shutdownNow();
    }
  }
}
