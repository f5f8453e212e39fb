package io.stockbridge.sandbox.channel;

import static io.stockbridge.sandbox.channel.ChannelEnvelope.error;
import static io.stockbridge.sandbox.channel.ChannelEnvelope.ok;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import io.stockbridge.sandbox.http.MultipartForm;
import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;

/**
 * The channel's image upload ({@code POST /product/202309/images/upload}): the file in the multipart field
 * {@code data} and its {@code use_case}; a main image must be a JPG, PNG or WEBP of 300 to 4000 px a side and at
 * most 10 MB. It answers the {@code uri} a product's {@code main_images} then name.
 */
final class ChannelImages {
  static final String PATH = "/product/202309/images/upload";
  private static final long MAX_BYTES = 10L * 1024 * 1024;
  private static final Set<String> USE_CASES = Set.of("MAIN_IMAGE", "ATTRIBUTE_IMAGE", "DESCRIPTION_IMAGE",
      "CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE");
  /** uri -> shop that uploaded it */
  private final Map<String, String> uploaded = new ConcurrentHashMap<>();

  SandboxResponse upload(Shop shop, SandboxRequest request) throws IOException {
    MultipartForm form = MultipartForm.of(request);
    byte[] data = form.part("data");
    String useCase = form.text("use_case");
    if (data == null || data.length == 0) {
      return error(400, 12052001, "the image file is missing (multipart field data)");
    }
    if (useCase != null && !USE_CASES.contains(useCase)) {
      return error(400, 12052002, "use_case must be one of " + USE_CASES);
    }
    if (data.length > MAX_BYTES) {
      return error(400, 12052003, "an image may have at most 10 MB");
    }
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
    if (image == null) {
      return error(400, 12052004, "the file is not a JPG, PNG or WEBP image");
    }
    if ("MAIN_IMAGE".equals(useCase) && (Math.min(image.getWidth(), image.getHeight()) < 300
        || Math.max(image.getWidth(), image.getHeight()) > 4000)) {
      return error(400, 12052005, "a main image must be 300x300 to 4000x4000 px");
    }
    String uri = "tos-maliva-i-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + "-us";
    uploaded.put(uri, shop.id());
    return ok(Map.of("uri", uri, "url", "https://p16-oec-va.example/" + uri, "width", image.getWidth(),
        "height", image.getHeight(), "use_case", useCase == null ? "MAIN_IMAGE" : useCase));
  }

  /** Whether the shop uploaded an image under this uri. */
  boolean known(String shopId, String uri) {
    return shopId.equals(uploaded.get(uri));
  }
}
