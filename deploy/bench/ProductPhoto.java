import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/**
 * Writes a product photo the listing checks accept (square, 1080 px, white background) to the given path, for benches
 * that publish a listing. Run with the JDK's source launcher: java ProductPhoto.java PATH
 */
public class ProductPhoto {
  public static void main(String[] args) throws Exception {
    BufferedImage image = new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, 1080, 1080);
    graphics.setColor(Color.DARK_GRAY);
    graphics.fillRoundRect(240, 300, 600, 480, 60, 60);
    graphics.dispose();
    ImageIO.write(image, "png", new File(args[0]));
  }
}
