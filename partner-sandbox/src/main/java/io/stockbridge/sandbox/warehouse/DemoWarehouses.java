package io.stockbridge.sandbox.warehouse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registers demo warehouses in a running local stack so that a newcomer sees stock flow in: demo SKUs in
 * catalog-service, one warehouse per partner style in warehouse-gateway (WINIT, 4PX and ShipBob polled from the
 * sandbox, one Standard Webhooks partner), the item mappings (WH-3), stock in the sandbox, and one signed webhook.
 * Safe to run again: what exists is reused, the sandbox's stock is set afresh, polled warehouses are polled now.
 *
 * <p>Arguments: the OIDC realm URL, catalog URL, gateway URL, sandbox URL (the local stack passes them).
 */
public final class DemoWarehouses {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SKUS = List.of("DEMO-EAR-BLK", "DEMO-EAR-WHT", "DEMO-EAR-PNK", "DEMO-EAR-BLU");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String realm;
  private final String catalog;
  private final String gateway;
  private final String sandbox;
  private String token;

  private DemoWarehouses(String realm, String catalog, String gateway, String sandbox) {
    this.realm = realm;
    this.catalog = catalog;
    this.gateway = gateway;
    this.sandbox = sandbox;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: DemoWarehouses <realm-url> <catalog-url> <gateway-url> <sandbox-url>");
      System.exit(2);
    }
    new DemoWarehouses(args[0], args[1], args[2], args[3]).run();
  }

  private void run() throws Exception {
    token = token();
    products();
    Accounts accounts = Accounts.defaults();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("DEMO-WINIT", warehouse("DEMO-WINIT", "WINIT", Map.of("appKey", accounts.winitAppKey(),
        "token", accounts.winitToken(), "warehouseId", "1000001")));
    ids.put("DEMO-4PX", warehouse("DEMO-4PX", "FOURPX", Map.of("appKey", accounts.fourPxAppKey(),
        "appSecret", accounts.fourPxSecret(), "warehouseCode", "USLAX01", "customerCode", "900278")));
    ids.put("DEMO-SHIPBOB", warehouse("DEMO-SHIPBOB", "SHIPBOB", Map.of("token", accounts.shipBobToken())));
    ids.put("DEMO-HOOKS", warehouse("DEMO-HOOKS", "STANDARD_WEBHOOKS", null));
    // the sandbox's Standard Webhooks partner takes count requests (CNT-1)
    expect(send("PUT", gateway + "/v1/warehouses/" + ids.get("DEMO-HOOKS") + "/count-requests", "{\"countRequestUrl\": \""
        + sandbox + "/standard/count-requests\"}", Map.of()), 200);
    stock("standard", "HOOK-EAR-WHT", "{\"sellable\": 39, \"qc\": 2}");

    map("DEMO-EAR-BLK", ids.get("DEMO-WINIT"), "W-EAR-BLK");
    map("DEMO-EAR-WHT", ids.get("DEMO-WINIT"), "W-EAR-WHT");
    map("DEMO-EAR-BLK", ids.get("DEMO-4PX"), "EAR-BLK-01");
    map("DEMO-EAR-PNK", ids.get("DEMO-4PX"), "EAR-PNK-01");
    map("DEMO-EAR-BLU", ids.get("DEMO-SHIPBOB"), "81001");
    map("DEMO-EAR-WHT", ids.get("DEMO-HOOKS"), "HOOK-EAR-WHT");

    stock("winit", "W-EAR-BLK", "{\"qtyAvailable\": 120, \"qtyWaitOut\": 4, \"qtyFrozen\": 2, \"pipelineInventory\": 300}");
    stock("winit", "W-EAR-WHT", "{\"qtyAvailable\": 35, \"qtyLostConfirming\": 1}");
    stock("fourpx", "EAR-BLK-01", "[{\"available_stock\": 60, \"pending_stock\": 3, \"onway_stock\": 40},"
        + " {\"available_stock\": 2, \"stock_quality\": \"B\"}]");
    stock("fourpx", "EAR-PNK-01", "{\"available_stock\": 18}");
    stock("shipbob", "81001", "{\"total_on_hand_quantity\": 75, \"total_committed_quantity\": 5,"
        + " \"total_awaiting_quantity\": 50, \"total_exception_quantity\": 1}");
    for (String code : List.of("DEMO-WINIT", "DEMO-4PX", "DEMO-SHIPBOB")) {
      send("POST", gateway + "/v1/warehouses/" + ids.get(code) + "/poll", null, Map.of());
    }
    webhook(ids.get("DEMO-HOOKS"));
    connectDemoShop();
    loseACarton(ids.get("DEMO-WINIT"));
    countedByTheWarehouse(ids.get("DEMO-HOOKS"));

    System.out.println("Demo warehouses (seller-a, user alice):");
    ids.forEach((code, id) -> System.out.println("  " + code + "  " + id));
    System.out.println("Within seconds: GET " + gateway.replace("8083", "8082") + "/v1/stock/DEMO-EAR-BLK shows WINIT and"
        + " 4PX stock; DEMO-EAR-BLU comes from ShipBob, DEMO-EAR-WHT from WINIT and a signed webhook.");
  }

  /**
   * WINIT loses 23 of DEMO-EAR-WHT's 35 units once the first reading is the ledger's baseline: the next poll's
   * reading is beyond the calibration threshold, and opens a calibration task (rule WH-4) for the seller to explain.
   */
  private void loseACarton(String winit) throws IOException, InterruptedException {
    String inventory = gateway.replace("8083", "8082");
    // the loss must come after the first reading reached the ledger, or it would be the baseline itself
    for (int second = 0; second < 30; second++) {
      HttpResponse<String> balance = send("GET", inventory + "/v1/stock/DEMO-EAR-WHT/warehouses/" + winit, null,
          Map.of());
      if (balance.statusCode() == 200 && JSON.readTree(balance.body()).path("levels").path("sellable").asLong() > 0) {
        break;
      }
      Thread.sleep(1000);
    }
    stock("winit", "W-EAR-WHT", "{\"qtyAvailable\": 12, \"qtyLostConfirming\": 1}");
    send("POST", gateway + "/v1/warehouses/" + winit + "/poll", null, Map.of());
    System.out.println("WINIT lost 23 units of DEMO-EAR-WHT: GET " + inventory
        + "/v1/calibrations shows the open calibration task.");
  }

  /**
   * Counts DEMO-EAR-WHT in the Standard Webhooks warehouse, whose WMS takes count requests: the gateway asks the
   * sandbox partner, which finds 39 of the 40 units the ledger expects and answers at once (rule CNT-1).
   */
  private void countedByTheWarehouse(String hooks) throws IOException, InterruptedException {
    String inventory = gateway.replace("8083", "8082");
    HttpResponse<String> count = null;
    for (int second = 0; second < 30 && (count == null || count.statusCode() != 201); second++) {
      if (count != null) {
        Thread.sleep(1000);
      }
      count = send("POST", inventory + "/v1/counts", "{\"warehouseId\": \"" + hooks + "\", \"sellerSkus\": "
          + "[\"DEMO-EAR-WHT\"]}", Map.of());
    }
    expect(count, 201);
    String id = JSON.readTree(count.body()).path("id").asText();
    for (int second = 0; second < 30; second++) {
      JsonNode counted = JSON.readTree(send("GET", inventory + "/v1/counts/" + id, null, Map.of()).body());
      if (!"OPEN".equals(counted.path("status").asText())) {
        System.out.println("The DEMO-HOOKS warehouse counted DEMO-EAR-WHT: GET " + inventory + "/v1/counts/" + id
            + " is " + counted.path("status").asText() + " with a variance of "
            + counted.path("lines").path(0).path("variance").asLong());
        return;
      }
      Thread.sleep(1000);
    }
    System.out.println("The DEMO-HOOKS warehouse has not answered count " + id + " yet: GET " + gateway
        + "/v1/count-requests shows how far the request got.");
  }

  /**
   * Connects seller-a to the channel sandbox's demo shop the way a seller does: catalog-service answers the consent
   * URL, the channel (which consents at once) redirects to catalog-service's callback with a code.
   */
  private void connectDemoShop() throws IOException, InterruptedException {
    HttpResponse<String> created = send("POST", catalog + "/v1/channel-connections",
        "{\"channel\": \"TIKTOK_SHOP\", \"region\": \"US\"}", Map.of());
    if (created.statusCode() != 201) {
      System.out.println("No demo shop connection (catalog-service answered " + created.statusCode() + ")");
      return;
    }
    String consentUrl = JSON.readTree(created.body()).path("authorizationUrl").asText();
    HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(consentUrl)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    expect(consent, 302);
    // the channel sends the browser back to wherever catalog-service's redirect URI points (the console, in the
    // local stack); the demo hands the code and state straight to catalog-service's callback instead
    String query = URI.create(consent.headers().firstValue("Location").orElseThrow()).getRawQuery();
    HttpResponse<String> connected = http.send(HttpRequest.newBuilder(
        URI.create(catalog + "/v1/channel-connections/callback?" + query)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    expect(connected, 200);
    JsonNode connection = JSON.readTree(connected.body());
    System.out.println("Demo shop connected: channel connection " + connection.path("id").asText() + " is "
        + connection.path("status").asText() + " for shop " + connection.path("shopId").asText());
  }

  private String token() throws IOException, InterruptedException {
    String form = "grant_type=password&client_id=stockbridge-cli&username=alice&password=alice-password";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    expect(response, 200);
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private void products() throws IOException, InterruptedException {
    StringBuilder skus = new StringBuilder();
    for (String sku : SKUS) {
      skus.append(skus.isEmpty() ? "" : ", ").append("{\"sellerSku\": \"").append(sku).append("\"}");
    }
    HttpResponse<String> response = send("POST", catalog + "/v1/products", "{\"titles\": {\"en\": \"Wireless earbuds"
        + " with charging case\"}, \"category\": \"Electronics/Audio/Earphones\", \"originCountry\": \"CN\", \"skus\": ["
        + skus + "]}", Map.of("Idempotency-Key", "demo-warehouse-products"));
    // 409: the SKUs exist from an earlier run whose idempotency key has expired
    expect(response, 201, 200, 409);
  }

  /** The warehouse's id: the existing one with this code, else a new connection. */
  private String warehouse(String code, String adapter, Map<String, String> credentials)
      throws IOException, InterruptedException {
    HttpResponse<String> list = send("GET", gateway + "/v1/warehouses?limit=200", null, Map.of());
    expect(list, 200);
    for (JsonNode warehouse : JSON.readTree(list.body()).path("items")) {
      if (code.equals(warehouse.path("code").asText())) {
        return warehouse.path("id").asText();
      }
    }
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("code", code);
    draft.put("name", "Demo " + adapter + " warehouse (sandbox)");
    draft.put("country", "US");
    draft.put("adapter", adapter);
    draft.put("apiReady", true);
    if (credentials != null) {
      draft.put("credentials", credentials);
      draft.put("pollIntervalSeconds", 60);
    }
    HttpResponse<String> created = send("POST", gateway + "/v1/warehouses", JSON.writeValueAsString(draft), Map.of());
    expect(created, 201);
    return JSON.readTree(created.body()).path("id").asText();
  }

  private void map(String sku, String warehouseId, String wmsItemId) throws IOException, InterruptedException {
    expect(send("PUT", catalog + "/v1/skus/" + sku + "/warehouse-items/" + warehouseId,
        "{\"wmsItemId\": \"" + wmsItemId + "\"}", Map.of()), 200);
  }

  private void stock(String style, String itemId, String fields) throws IOException, InterruptedException {
    expect(send("PUT", sandbox + "/sandbox/" + style + "/items/" + URLEncoder.encode(itemId, StandardCharsets.UTF_8),
        fields, Map.of()), 200);
  }

  /** A fresh secret (the one issued at creation was shown once), then one signed event sent by the sandbox. */
  private void webhook(String warehouseId) throws IOException, InterruptedException {
    HttpResponse<String> rotated = send("POST", gateway + "/v1/warehouses/" + warehouseId + "/webhook-secret/rotate", null,
        Map.of());
    expect(rotated, 200);
    String secret = JSON.readTree(rotated.body()).path("webhookSecret").asText();
    expect(send("PUT", sandbox + "/sandbox/standard/counting", JSON.writeValueAsString(Map.of("secret", secret,
        "webhookUrl", gateway + "/webhooks/" + warehouseId, "autoComplete", true)), Map.of()), 200);
    String order = JSON.writeValueAsString(Map.of("url", gateway + "/webhooks/" + warehouseId, "secret", secret,
        "events", List.of(Map.of("id", "demo-" + System.currentTimeMillis(), "body", Map.of("type", "inventory.levels",
            "data", Map.of("items", List.of(Map.of("itemId", "HOOK-EAR-WHT", "inTransit", 0, "qc", 2, "frozen", 0,
                "sellable", 40))))))));
    HttpResponse<String> sent = send("POST", sandbox + "/sandbox/webhooks", order, Map.of());
    expect(sent, 200);
    System.out.println("Signed webhook sent by the sandbox: " + sent.body());
  }

  private HttpResponse<String> send(String method, String url, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> response, int... statuses) {
    for (int status : statuses) {
      if (response.statusCode() == status) {
        return;
      }
    }
    throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
        + response.statusCode() + ": " + response.body());
  }
}
