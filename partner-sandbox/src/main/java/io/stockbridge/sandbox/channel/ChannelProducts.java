package io.stockbridge.sandbox.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The channel's products: published ones wait in audit (status PENDING, audit AUDITING) until the sandbox decides
 * (PASSED -> ACTIVATE, REJECTED -> FAILED); only live SKUs take inventory updates, absolute quantities 0..99,999
 * per channel warehouse.
 */
public final class ChannelProducts {
  public static final int MAX_QUANTITY = 99_999;

  private final Map<String, Product> products = new ConcurrentHashMap<>();

  /** How many accepted quantities a product keeps for the record (enough for minutes at thousands a second). */
  static final int UPDATES_KEPT = 500_000;

  /** A quantity the channel accepted for a SKU in a warehouse, and when (epoch milliseconds). */
  public record AcceptedQuantity(long acceptedAt, String skuId, String sellerSku, String warehouseId, int quantity) {
  }

  /** A product as the channel holds it. */
  public static final class Product {
    final String id;
    final String shopId;
    final String title;
    volatile String status = "PENDING";
    volatile String audit = "AUDITING";
    volatile List<String> rejectReasons = List.of();
    /** seller SKU -> channel SKU id */
    final Map<String, String> skuIds = new LinkedHashMap<>();
    /** channel SKU id -> warehouse id -> quantity */
    final Map<String, Map<String, Integer>> inventory = new ConcurrentHashMap<>();
    final AtomicInteger inventoryUpdates = new AtomicInteger();
    /** Each accepted quantity with the time it was accepted, oldest first, up to {@link #UPDATES_KEPT}. */
    final List<AcceptedQuantity> acceptedQuantities = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile List<String> mainImages = List.of();

    /** Records the quantities of one accepted inventory update, all at one time. */
    void accepted(Map<String, Map<String, Integer>> quantities) {
      long at = System.currentTimeMillis();
      Map<String, String> sellerSkus = new LinkedHashMap<>();
      skuIds.forEach((sellerSku, skuId) -> sellerSkus.put(skuId, sellerSku));
      quantities.forEach((skuId, lines) -> {
        lines.forEach((warehouse, quantity) -> {
          if (acceptedQuantities.size() < UPDATES_KEPT) {
            acceptedQuantities.add(new AcceptedQuantity(at, skuId, sellerSkus.get(skuId), warehouse, quantity));
          }
        });
        inventory.computeIfAbsent(skuId, key -> new ConcurrentHashMap<>()).putAll(lines);
      });
    }

    Product(String id, String shopId, String title) {
      this.id = id;
      this.shopId = shopId;
      this.title = title;
    }

    public Map<String, Object> describe() {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", id);
      view.put("shop_id", shopId);
      view.put("title", title);
      view.put("status", status);
      view.put("audit_status", audit);
      view.put("reject_reasons", rejectReasons);
      view.put("main_images", mainImages.stream().map(uri -> Map.of("uri", uri)).toList());
      List<Map<String, Object>> skus = new ArrayList<>();
      skuIds.forEach((sellerSku, skuId) -> {
        Map<String, Object> sku = new LinkedHashMap<>();
        sku.put("id", skuId);
        sku.put("seller_sku", sellerSku);
        sku.put("inventory", inventory.getOrDefault(skuId, Map.of()));
        skus.add(sku);
      });
      view.put("skus", skus);
      view.put("inventory_update_calls", inventoryUpdates.get());
      return view;
    }
  }

  public Product create(String shopId, String title, List<String> sellerSkus, List<String> mainImages) {
    Product product = new Product(String.valueOf(1_729_000_000_000_000L + products.size() + 1), shopId, title);
    product.mainImages = List.copyOf(mainImages);
    for (String sellerSku : sellerSkus) {
      product.skuIds.put(sellerSku, "SKU" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }
    products.put(product.id, product);
    return product;
  }

  public Product find(String shopId, String productId) {
    Product product = products.get(productId);
    return product == null || !product.shopId.equals(shopId) ? null : product;
  }

  public Product find(String productId) {
    return products.get(productId);
  }

  /** The shop's products with any of the seller SKUs, oldest first; deleted ones are not found. */
  public List<Product> withSellerSkus(String shopId, java.util.Set<String> sellerSkus) {
    return products.values().stream()
        .filter(p -> p.shopId.equals(shopId) && !"DELETED".equals(p.status))
        .filter(p -> p.skuIds.keySet().stream().anyMatch(sellerSkus::contains))
        .sorted(java.util.Comparator.comparing(p -> p.id))
        .toList();
  }

  /** Ends a product's audit; returns it, or null when unknown. */
  public Product audit(String productId, boolean passed, List<String> reasons) {
    Product product = products.get(productId);
    if (product != null) {
      product.audit = passed ? "PASSED" : "REJECTED";
      product.status = passed ? "ACTIVATE" : "FAILED";
      product.rejectReasons = passed ? List.of() : List.copyOf(reasons);
    }
    return product;
  }

  /** Deactivates (delists) or activates a product of the shop; false when it is unknown or not in a state for it. */
  public boolean activate(String shopId, String productId, boolean active) {
    Product product = find(shopId, productId);
    if (product == null) {
      return false;
    }
    // only a product past its audit can be delisted or listed again; repeating either changes nothing
    if (!"ACTIVATE".equals(product.status) && !"SELLER_DEACTIVATED".equals(product.status)) {
      return false;
    }
    product.status = active ? "ACTIVATE" : "SELLER_DEACTIVATED";
    return true;
  }

  /** The platform changes a product's status itself, e.g. FREEZE for a violation or PLATFORM_DEACTIVATED. */
  public boolean status(String productId, String status) {
    Product product = products.get(productId);
    if (product == null) {
      return false;
    }
    product.status = status;
    return true;
  }

  /** The channel's own count changes (a sale it counted, a correction): what a stock-precision check must notice. */
  public boolean drift(String productId, String skuId, String warehouseId, int quantity) {
    Product product = products.get(productId);
    if (product == null || !product.skuIds.containsValue(skuId)) {
      return false;
    }
    product.inventory.computeIfAbsent(skuId, key -> new ConcurrentHashMap<>()).put(warehouseId, quantity);
    return true;
  }

  public void clear() {
    products.clear();
  }
}
