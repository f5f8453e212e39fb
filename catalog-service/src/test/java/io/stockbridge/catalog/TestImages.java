package io.stockbridge.catalog;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Product photos drawn for tests: a dark product in the middle of a background of the given colour. */
public final class TestImages {
  public static final Color WHITE = Color.WHITE;
  public static final Color GREY = new Color(200, 200, 200);

  private TestImages() {
  }

  public static byte[] png(int width, int height, Color background) {
    return encode(width, height, background, "png");
  }

  public static byte[] jpeg(int width, int height, Color background) {
    return encode(width, height, background, "jpeg");
  }

  private static byte[] encode(int width, int height, Color background, String format) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(background);
    graphics.fillRect(0, 0, width, height);
    graphics.setColor(new Color(30, 60, 120));
    graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
