package io.stockbridge.gateway.warehouse.client;

/**
 * catalog-service's answer about one warehouse item: mapped to a seller SKU, not mapped (yet), or refused because
 * the item id itself is not acceptable. Each is an answer, never a failure: only an unreachable or failing
 * catalog-service is one.
 *
 * @param sellerSku the SKU the item is mapped to; null when not mapped or refused
 * @param refusal   catalog-service's reason for refusing the item id ("400 VALIDATION_FAILED: ..."); null otherwise
 */
public record ItemLookup(String sellerSku, String refusal) {
  public static final ItemLookup NOT_MAPPED = new ItemLookup(null, null);

  public static ItemLookup mapped(String sellerSku) {
    return new ItemLookup(sellerSku, null);
  }

  public static ItemLookup refused(String reason) {
    return new ItemLookup(null, reason);
  }

  public boolean isMapped() {
    return sellerSku != null;
  }

  public boolean isRefused() {
    return refusal != null;
  }
}
