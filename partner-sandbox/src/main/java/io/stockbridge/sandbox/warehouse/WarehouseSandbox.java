package io.stockbridge.sandbox.warehouse;

import io.stockbridge.sandbox.http.SandboxHttpServer;
import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The warehouse sandbox: three WMS API styles and a Standard Webhooks partner that takes count requests under their own prefixes, and a control API to set stock, inject
 * faults and send signed webhooks.
 *
 * <pre>
 *   /shipbob/2026-01/inventory-level          ShipBob-style levels (GET, Bearer token)
 *   /winit/openapi/service                    WINIT-style storage (POST, MD5-signed envelope)
 *   /fourpx/router/api/service                4PX-style inventory (POST, MD5-signed query)
 *   /standard/count-requests                  count requests to a Standard Webhooks partner (POST, signed)
 *   PUT    /sandbox/{style}/items/{itemId}    set an item's stock in the partner's field names
 *   POST   /sandbox/{style}/items/{itemId}/loss {"units": n}: the warehouse loses units nobody reported
 *   DELETE /sandbox/{style}/items/{itemId}
 *   POST   /sandbox/{style}/faults            {"failNext": n, "status": 503, "rateLimitNext": n, "delayMillis": ms}
 *   GET    /sandbox/{style}/calls             how many calls the API got, and the last one
 *   PUT    /sandbox/standard/counting         {"secret", "webhookUrl", "autoComplete": false}: how the partner
 *                                              takes count requests and where it answers
 *   GET    /sandbox/standard/count-requests   the count requests received, and how often each arrived
 *   POST   /sandbox/standard/count-requests/{countId}/complete {"copies": 1}: the partner sends what it counted
 *   POST   /sandbox/webhooks                  {"url", "secret", "order": "AS_GIVEN|REVERSED|SHUFFLED",
 *                                              "events": [{"id", "body": {...}, "copies": 1, "timestampOffsetSeconds": 0}]}
 * </pre>
 *
 * Run: {@code java -cp ... io.stockbridge.sandbox.warehouse.WarehouseSandbox [port]} (default 8190, loopback only);
 * credentials from {@code SANDBOX_*} variables (see {@link Accounts}).
 */
public final class WarehouseSandbox implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Accounts accounts;
  private final ShipBobApi shipBob;
  private final WinitApi winit;
  private final FourPxApi fourPx;
  private final StandardPartnerApi standard;
  private final Map<String, PartnerApi> byStyle = new HashMap<>();
  private final WebhookSender webhooks = new WebhookSender();
  private SandboxHttpServer server;

  public WarehouseSandbox(Accounts accounts) {
    this.accounts = accounts;
    this.shipBob = new ShipBobApi(accounts);
    this.winit = new WinitApi(accounts);
    this.fourPx = new FourPxApi(accounts);
    this.standard = new StandardPartnerApi(webhooks);
    for (PartnerApi api : List.of(shipBob, winit, fourPx, standard)) {
      byStyle.put(api.style(), api);
    }
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8190;
    WarehouseSandbox sandbox = new WarehouseSandbox(Accounts.fromEnvironment(System.getenv())).start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    System.out.println("Warehouse sandbox ready on " + sandbox.baseUrl());
  }

  /** Starts on loopback; port 0 picks a free one. */
  public WarehouseSandbox start(int port) {
    server = SandboxHttpServer.start(port, this::route);
    return this;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public Accounts accounts() {
    return accounts;
  }

  public ShipBobApi shipBob() {
    return shipBob;
  }

  public WinitApi winit() {
    return winit;
  }

  public FourPxApi fourPx() {
    return fourPx;
  }

  public StandardPartnerApi standard() {
    return standard;
  }

  public WebhookSender webhooks() {
    return webhooks;
  }

  /** Forgets every item, fault and call count. */
  public void reset() {
    byStyle.values().forEach(PartnerApi::clear);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  private SandboxResponse route(SandboxRequest request) {
    String path = request.path();
    if (path.startsWith("/sandbox/")) {
      return control(request);
    }
    int slash = path.indexOf('/', 1);
    PartnerApi api = slash < 0 ? null : byStyle.get(path.substring(1, slash));
    if (api == null) {
      return SandboxResponse.json(404, Map.of("error", "no such partner API"));
    }
    SandboxRequest inner = new SandboxRequest(request.method(), path.substring(slash), request.query(),
        request.headers(), request.body(), request.raw());
    Duration delay = api.faults().delay();
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return switch (api.faults().next()) {
      case FAIL -> {
        api.call(inner);
        yield SandboxResponse.json(api.faults().failStatus(), Map.of("error", "sandbox: injected failure"));
      }
      case RATE_LIMIT -> {
        api.call(inner);
        yield api == fourPx ? FourPxApi.rateLimited() : SandboxResponse.json(429, Map.of("error", "sandbox: rate limited"));
      }
      case SERVE -> api.call(inner);
    };
  }

  private SandboxResponse control(SandboxRequest request) {
    String[] parts = request.path().substring("/sandbox/".length()).split("/");
    try {
      if (parts.length == 1 && "webhooks".equals(parts[0]) && "POST".equals(request.method())) {
        return sendWebhooks(JSON.readTree(request.body()));
      }
      PartnerApi api = byStyle.get(parts[0]);
      if (api == null) {
        return SandboxResponse.json(404, Map.of("error", "styles are shipbob, winit, fourpx, standard"));
      }
      if (api == standard) {
        SandboxResponse counting = counting(request, parts);
        if (counting != null) {
          return counting;
        }
      }
      if (parts.length == 3 && "items".equals(parts[1]) && "PUT".equals(request.method())) {
        return SandboxResponse.json(200, api.put(parts[2], JSON.readTree(request.body())));
      }
      if (parts.length == 4 && "items".equals(parts[1]) && "loss".equals(parts[3]) && "POST".equals(request.method())) {
        return SandboxResponse.json(200, api.lose(parts[2], JSON.readTree(request.body()).path("units").asLong()));
      }
      if (parts.length == 3 && "items".equals(parts[1]) && "DELETE".equals(request.method())) {
        api.remove(parts[2]);
        return SandboxResponse.json(200, Map.of("removed", parts[2]));
      }
      if (parts.length == 2 && "faults".equals(parts[1]) && "POST".equals(request.method())) {
        JsonNode faults = JSON.readTree(request.body());
        api.faults().clear()
            .failNext(faults.path("failNext").asInt(0), faults.path("status").asInt(503))
            .rateLimitNext(faults.path("rateLimitNext").asInt(0))
            .delay(Duration.ofMillis(faults.path("delayMillis").asLong(0)));
        return SandboxResponse.json(200, faults);
      }
      if (parts.length == 2 && "calls".equals(parts[1]) && "GET".equals(request.method())) {
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("calls", api.calls());
        calls.put("lastRequest", api.lastRequest());
        return SandboxResponse.json(200, calls);
      }
    } catch (IOException | IllegalArgumentException e) {
      return SandboxResponse.json(400, Map.of("error", String.valueOf(e.getMessage())));
    }
    return SandboxResponse.json(404, Map.of("error", "unknown sandbox control path"));
  }

  /** The count-request controls of the Standard Webhooks partner; null for its other (common) controls. */
  private SandboxResponse counting(SandboxRequest request, String[] parts) throws IOException {
    if (parts.length == 2 && "counting".equals(parts[1]) && "PUT".equals(request.method())) {
      JsonNode settings = JSON.readTree(request.body());
      standard.counting(new StandardPartnerApi.Counting(settings.path("secret").asText(),
          settings.path("webhookUrl").asText(), settings.path("autoComplete").asBoolean(false)));
      return SandboxResponse.json(200, settings);
    }
    if (parts.length == 2 && "count-requests".equals(parts[1]) && "GET".equals(request.method())) {
      List<Map<String, Object>> received = new ArrayList<>();
      standard.countRequests().values().forEach(count -> received.add(Map.of("countId", count.countId(),
          "itemIds", count.itemIds(), "received", count.received().get())));
      return SandboxResponse.json(200, Map.of("countRequests", received));
    }
    if (parts.length == 4 && "count-requests".equals(parts[1]) && "complete".equals(parts[3])
        && "POST".equals(request.method())) {
      int copies = request.body().isBlank() ? 1 : JSON.readTree(request.body()).path("copies").asInt(1);
      return SandboxResponse.json(200, standard.complete(parts[2], copies));
    }
    return null;
  }

  private SandboxResponse sendWebhooks(JsonNode order) {
    List<WebhookSender.Event> events = new ArrayList<>();
    order.path("events").forEach(event -> events.add(new WebhookSender.Event(event.path("id").asText(),
        event.path("body").toString(), event.path("copies").asInt(1),
        Duration.ofSeconds(event.path("timestampOffsetSeconds").asLong(0)))));
    return SandboxResponse.json(200, webhooks.send(order.path("url").asText(), order.path("secret").asText(), events,
        WebhookSender.Order.valueOf(order.path("order").asText("AS_GIVEN")), order.path("seed").asLong(42)));
  }
}
