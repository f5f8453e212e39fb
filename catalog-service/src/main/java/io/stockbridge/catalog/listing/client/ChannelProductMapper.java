package io.stockbridge.catalog.listing.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stockbridge.catalog.product.repository.Product;
import io.stockbridge.catalog.product.repository.Sku;

/** Between the catalogue and the channel's product payloads: the create body out, the channel's answers in. */
@ApplicationScoped
public class ChannelProductMapper {
  /** A product the channel has in audit or live, as its search answers it. */
  private static final List<String> CURRENT = List.of("PENDING", "ACTIVATE");

  private final ObjectMapper mapper;

  public ChannelProductMapper(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The create call's body for a product, its main images (the uris the channel's upload answered) and its SKUs. */
  public String body(Product product, List<String> mainImageUris, List<Sku> skus) {
    ChannelProductBody body = new ChannelProductBody(product.titles.get("en"),
        product.description == null ? "" : product.description, product.category, product.brand,
        product.originCountry, new ChannelProductBody.Manufacturer(
            product.manufacturerName == null ? "" : product.manufacturerName, product.manufacturerAddress),
        mainImageUris.stream().map(ChannelProductBody.ImageRef::new).toList(), skus.stream().map(ChannelProductMapper::line).toList());
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ChannelProductBody.SkuLine line(Sku sku) {
    return new ChannelProductBody.SkuLine(sku.sellerSku,
        sku.barcode == null ? null : new ChannelProductBody.IdentifierCode(sku.barcode, "GTIN"),
        sku.weightValue == null ? null
            : new ChannelProductBody.PackageWeight(sku.weightValue.toPlainString(), sku.weightUnit));
  }

  /** The create call's answer ({@code product_id}, {@code skus[{seller_sku, id}]}): the product waits in audit. */
  public ChannelProductState created(JsonNode data) {
    return new ChannelProductState(data.path("product_id").asText(null),
        "ACTIVATE".equals(data.path("status").asText()), skuIds(data.path("skus")));
  }

  /**
   * From a search answer, the product in audit or live that carries one of these SKUs (a create whose answer was
   * lost, or one made before a crash); empty when the channel has none.
   */
  public Optional<ChannelProductState> existing(JsonNode found, List<String> sellerSkus) {
    for (JsonNode product : found.path("products")) {
      String status = product.path("status").asText();
      boolean ours = false;
      for (JsonNode sku : product.path("skus")) {
        ours |= sellerSkus.contains(sku.path("seller_sku").asText());
      }
      if (CURRENT.contains(status) && ours) {
        return Optional.of(new ChannelProductState(product.path("id").asText(), "ACTIVATE".equals(status),
            skuIds(product.path("skus"))));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> skuIds(JsonNode skus) {
    Map<String, String> ids = new LinkedHashMap<>();
    skus.forEach(sku -> ids.put(sku.path("seller_sku").asText(), sku.path("id").asText()));
    return ids;
  }
}
