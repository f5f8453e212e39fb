package io.stockbridge.examples.erp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stockbridge.client.inventory.ApiClient;
import io.stockbridge.client.inventory.ApiException;
import io.stockbridge.client.inventory.api.PromotionsApi;
import io.stockbridge.client.inventory.api.ReservationsApi;
import io.stockbridge.client.inventory.api.StockApi;
import io.stockbridge.client.inventory.api.WebhookSubscriptionsApi;
import io.stockbridge.client.inventory.model.Bucket;
import io.stockbridge.client.inventory.model.MovementBatch;
import io.stockbridge.client.inventory.model.MovementRequest;
import io.stockbridge.client.inventory.model.OrderLine;
import io.stockbridge.client.inventory.model.PageReservationView;
import io.stockbridge.client.inventory.model.PromotionRequest;
import io.stockbridge.client.inventory.model.PromotionView;
import io.stockbridge.client.inventory.model.ReservationRequest;
import io.stockbridge.client.inventory.model.ReservationView;
import io.stockbridge.client.inventory.model.StockQuery;
import io.stockbridge.client.inventory.model.WebhookSubscriptionRequest;
import io.stockbridge.client.inventory.model.WebhookSubscriptionView;

/**
 * What an ERP integration does with Stockbridge, through the client generated from the published OpenAPI document:
 * it takes a client-credentials token, pushes receipts and adjustments as movements (each under an idempotency key,
 * so a retry after a lost answer changes nothing), reads available quantities in bulk, reserves, ships and cancels
 * orders, reconciles what changed since its last look, and subscribes to the events it would otherwise poll for (see
 * {@link WebhookListener} for the receiving side).
 */
public final class ErpSync {
  private final StockApi stock;
  private final ReservationsApi reservations;
  private final WebhookSubscriptionsApi subscriptions;
  private final PromotionsApi promotions;

  private ErpSync(ApiClient client) {
    this.stock = new StockApi(client);
    this.reservations = new ReservationsApi(client);
    this.subscriptions = new WebhookSubscriptionsApi(client);
    this.promotions = new PromotionsApi(client);
  }

  /** Signs in with the ERP's client credentials at the token endpoint and talks to inventory-service at its URL. */
  public static ErpSync connect(URI inventory, URI tokenEndpoint, String clientId, String clientSecret)
      throws IOException, InterruptedException {
    String token = clientCredentialsToken(tokenEndpoint, clientId, clientSecret);
    ApiClient client = new ApiClient();
    client.updateBaseUri(inventory.toString());
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return new ErpSync(client);
  }

  static String clientCredentialsToken(URI tokenEndpoint, String clientId, String clientSecret)
      throws IOException, InterruptedException {
    String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
        + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(tokenEndpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("The token endpoint answered " + answer.statusCode() + ": " + answer.body());
    }
    JsonNode json = new ObjectMapper().readTree(answer.body());
    return json.path("access_token").asText();
  }

  /** Units received into a warehouse, booked once however often this is sent with the same document number. */
  public void receive(String documentNumber, String sellerSku, String warehouseId, long quantity) throws ApiException {
    move(documentNumber, sellerSku, warehouseId, Bucket.OUTSIDE, Bucket.SELLABLE, quantity, "RECEIPT");
  }

  /** A stock-take adjustment: units found missing leave the shelf. */
  public void writeOff(String documentNumber, String sellerSku, String warehouseId, long quantity)
      throws ApiException {
    move(documentNumber, sellerSku, warehouseId, Bucket.SELLABLE, Bucket.OUTSIDE, quantity, "ADJUSTMENT");
  }

  private void move(String documentNumber, String sellerSku, String warehouseId, Bucket from, Bucket to,
      long quantity, String reason) throws ApiException {
    stock.moveStock(new MovementBatch().movements(List.of(new MovementRequest().sellerSku(sellerSku)
        .warehouseId(warehouseId).from(from).to(to).quantity(quantity).reason(reason).reference(documentNumber))),
        "erp-" + documentNumber);
  }

  /** The available quantity of each SKU over all warehouses, up to 500 SKUs in one call. */
  public Map<String, Long> available(List<String> sellerSkus) throws ApiException {
    Map<String, Long> available = new LinkedHashMap<>();
    stock.queryStock(new StockQuery().sellerSkus(sellerSkus)).getItems()
        .forEach(item -> available.put(item.getSellerSku(), item.getAvailable()));
    return available;
  }

  /** Reserves an order's lines (SKU to quantity), all or none; the same order id again answers the first result. */
  public ReservationView reserve(String orderId, Map<String, Long> lines) throws ApiException {
    ReservationRequest request = new ReservationRequest().orderId(orderId);
    lines.forEach((sellerSku, quantity) -> request.addLinesItem(new OrderLine().sellerSku(sellerSku)
        .quantity(quantity)));
    return reservations.reserve(request);
  }

  /** The order shipped. */
  public ReservationView shipped(UUID reservation) throws ApiException {
    return reservations.commitReservation(reservation);
  }

  /** The order was cancelled. */
  public ReservationView cancelled(UUID reservation) throws ApiException {
    return reservations.releaseReservation(reservation);
  }

  /** The reservations that changed since the ERP's last look (created, shipped, released, expired), every page. */
  public List<ReservationView> changedSince(OffsetDateTime lastLook) throws ApiException {
    List<ReservationView> changed = new ArrayList<>();
    String cursor = null;
    do {
      PageReservationView page = reservations.listReservations(cursor, 200, null, lastLook.toString());
      changed.addAll(page.getItems());
      cursor = page.getNextCursor();
    } while (cursor != null);
    return changed;
  }

  /**
   * Protects a flash sale the ERP planned: people may not edit its SKUs' stock by hand while it runs (INV-1). Sent
   * under the campaign's own id as idempotency key, so a retry creates no second promotion.
   */
  public PromotionView protectPromotion(String campaignId, String name, List<String> sellerSkus,
      OffsetDateTime startsAt, OffsetDateTime endsAt) throws ApiException {
    return promotions.createPromotion(new PromotionRequest().name(name).sellerSkus(sellerSkus).startsAt(startsAt)
        .endsAt(endsAt), "erp-" + campaignId);
  }

  /** Subscribes a receiver to events; the answer's secret is shown this once, for the receiver to verify with. */
  public WebhookSubscriptionView subscribe(URI receiver, List<String> events) throws ApiException {
    return subscriptions.createWebhookSubscription(new WebhookSubscriptionRequest().url(receiver.toString())
        .events(events).description("ERP sync"));
  }

  /**
   * {@code java -jar erp-sync-example.jar <inventory URL> <token URL> <client id> <client secret> <warehouse> <SKU>}:
   * receives 10 units, writes 1 off, reserves and ships 2, reserves and cancels 3, and prints what is available.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: ErpSync <inventory URL> <token URL> <client id> <client secret> <warehouse> <SKU>");
      System.exit(2);
    }
    ErpSync erp = connect(URI.create(args[0]), URI.create(args[1]), args[2], args[3]);
    String warehouse = args[4];
    String sku = args[5];
    String run = Long.toString(System.currentTimeMillis());
    erp.receive("GRN-" + run, sku, warehouse, 10);
    erp.writeOff("ADJ-" + run, sku, warehouse, 1);
    erp.shipped(erp.reserve("SO-" + run + "-1", Map.of(sku, 2L)).getId());
    erp.cancelled(erp.reserve("SO-" + run + "-2", Map.of(sku, 3L)).getId());
    System.out.println("available: " + erp.available(List.of(sku)));
  }
}
