package io.stockbridge.sandbox.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stockbridge.sandbox.http.SandboxHttpServer;
import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;

/**
 * The simulator refuses what the partner would refuse: its signature checks agree with digests computed by hand
 * ({@code printf ... | md5sum}), so the gateway's signers are tested against something independent of them.
 */
class WarehouseSandboxTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WarehouseSandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sandbox = new WarehouseSandbox(Accounts.defaults()).start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aWarehouseLosesUnitsOnRequestAndItsNextReadingShowsThemGone() throws Exception {
    sandbox.winit().put("LOST-1", JSON.readTree("{\"qtyAvailable\": 100, \"qtyFrozen\": 2}"));
    String before = sandbox.winit().record("LOST-1").path("version").asText();
    JsonNode lost = JSON.readTree(post("/sandbox/winit/items/LOST-1/loss", "{\"units\": 20}").body());
    assertThat(lost.path("qtyAvailable").asLong()).isEqualTo(80);
    assertThat(lost.path("qtyFrozen").asLong()).isEqualTo(2);
    assertThat(lost.path("version").asText()).as("a new version, as WINIT writes one").isGreaterThan(before);

    sandbox.shipBob().put("901", JSON.readTree("{\"total_on_hand_quantity\": 30, \"total_committed_quantity\": 5}"));
    assertThat(sandbox.shipBob().lose("901", 10).path("total_fulfillable_quantity").asLong()).isEqualTo(15);
    sandbox.fourPx().put("SKU-L", JSON.readTree("{\"available_stock\": 3}"));
    assertThat(sandbox.fourPx().lose("SKU-L", 5).get(0).path("available_stock").asLong()).as("never below 0").isZero();
  }

  @Test
  void fourPxSignMatchesAnMd5ComputedByHand() {
    assertThat(FourPxApi.sign("k", "json", "fu.wms.inventory.get", "1700000000000", "1.0", "{\"lstsku\":[\"A\"]}", "s"))
        .isEqualTo("061736e9daab381435f8ce6ecc6acdde");
  }

  @Test
  void winitSignMatchesAnMd5ComputedByHand() throws Exception {
    JsonNode envelope = JSON.readTree("""
        {"action": "queryWarehouseStorage", "app_key": "ak", "data": {"warehouseID": "1", "pageNum": 1, "pageSize": 100},
         "format": "json", "platform": "stockbridge", "sign_method": "md5", "timestamp": "2026-11-22 08:00:00",
         "version": "1.0"}""");
    assertThat(WinitApi.sign("tok", envelope)).isEqualTo("AD3150C8254E98B7D7FE4962E35B0A31");
  }

  @Test
  void shipBobRefusesAWrongTokenAndPagesWithACursor() throws Exception {
    for (int i = 1; i <= 3; i++) {
      sandbox.shipBob().put(Integer.toString(100 + i), JSON.readTree("{\"total_on_hand_quantity\": " + i + "}"));
    }
    assertThat(get("/shipbob/2026-01/inventory-level", "Bearer wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> first = get("/shipbob/2026-01/inventory-level?PageSize=2", "Bearer sandbox-shipbob-token");
    JsonNode page = JSON.readTree(first.body());
    assertThat(page.path("items")).hasSize(2);
    JsonNode second = JSON.readTree(get("/shipbob" + page.path("next").asText(), "Bearer sandbox-shipbob-token").body());
    assertThat(second.path("items")).hasSize(1);
    assertThat(second.path("next").isNull()).isTrue();
    assertThat(second.path("items").get(0).path("total_fulfillable_quantity").asLong()).isEqualTo(3);
  }

  @Test
  void fourPxRefusesABadSignAndMoreThan100Skus() throws Exception {
    String body = "{\"lstsku\":[" + "\"X\",".repeat(100) + "\"X\"]}";
    String ts = "1700000000000";
    String sign = FourPxApi.sign("sandbox-4px", "json", FourPxApi.METHOD, ts, "1.0", body, "sandbox-4px-secret");
    JsonNode tooMany = JSON.readTree(post("/fourpx/router/api/service?app_key=sandbox-4px&format=json&method="
        + FourPxApi.METHOD + "&timestamp=" + ts + "&v=1.0&sign=" + sign, body).body());
    assertThat(tooMany.path("errors").get(0).path("error_code").asText()).isEqualTo("SANDBOX_LSTSKU_OVER_100");
    JsonNode badSign = JSON.readTree(post("/fourpx/router/api/service?app_key=sandbox-4px&format=json&method="
        + FourPxApi.METHOD + "&timestamp=" + ts + "&v=1.0&sign=0000", "{}").body());
    assertThat(badSign.path("result").asText()).isEqualTo("0");
    sandbox.fourPx().faults().rateLimitNext(1);
    JsonNode limited = JSON.readTree(post("/fourpx/router/api/service", "{}").body());
    assertThat(limited.path("errors").get(0).path("error_code").asText()).isEqualTo(FourPxApi.RATE_LIMITED);
  }

  @Test
  void theStandardPartnerTakesOnlySignedCountRequestsAndAnswersWithASignedCountReport() throws Exception {
    String secret = "whsec_" + Base64.getEncoder().encodeToString("count request secret of 32 bytes".getBytes());
    List<SandboxRequest> received = new CopyOnWriteArrayList<>();
    try (SandboxHttpServer gateway = SandboxHttpServer.start(0,
        request -> {
          received.add(request);
          return SandboxResponse.json(202, Map.of());
        })) {
      sandbox.standard().counting(new StandardPartnerApi.Counting(secret, gateway.baseUrl() + "/webhooks/wh-1", false));
      sandbox.standard().put("ITEM-9", JSON.readTree("{\"sellable\": 41, \"qc\": 2}"));
      String body = "{\"type\": \"count.requested\", \"data\": {\"countId\": \"c-1\", \"items\": "
          + "[{\"itemId\": \"ITEM-9\"}, {\"itemId\": \"ITEM-GONE\"}]}}";
      long now = Instant.now().getEpochSecond();
      assertThat(signedPost("/standard/count-requests", body, "count-c-1", now, "v1,AAAA").statusCode()).isEqualTo(401);
      String signature = WebhookSender.signature(secret, "count-c-1", now, body.getBytes());
      assertThat(signedPost("/standard/count-requests", body, "count-c-1", now - 3600, signature).statusCode())
          .as("an old timestamp is a replay").isEqualTo(401);
      assertThat(signedPost("/standard/count-requests", body, "count-c-1", now, signature).statusCode()).isEqualTo(202);
      assertThat(signedPost("/standard/count-requests", body, "count-c-1", now, signature).statusCode()).isEqualTo(202);
      assertThat(sandbox.standard().countRequests().get("c-1").received().get()).isEqualTo(2);

      JsonNode deliveries = JSON.readTree(post("/sandbox/standard/count-requests/c-1/complete", "{\"copies\": 1}")
          .body());
      assertThat(deliveries.get(0).path("status").asInt()).isEqualTo(202);
      SandboxRequest report = received.get(0);
      assertThat(report.path()).isEqualTo("/webhooks/wh-1");
      assertThat(report.header("webhook-signature")).isEqualTo(WebhookSender.signature(secret, report.header("webhook-id"),
          Long.parseLong(report.header("webhook-timestamp")), report.body().getBytes()));
      JsonNode counted = JSON.readTree(report.body());
      assertThat(counted.path("type").asText()).isEqualTo("count.completed");
      assertThat(counted.path("data").path("items").get(0).path("counted").asLong()).isEqualTo(41);
      assertThat(counted.path("data").path("items").get(1).path("counted").asLong()).as("not held: none found").isZero();
    } finally {
      sandbox.standard().clear();
    }
  }

  private HttpResponse<String> signedPost(String path, String body, String id, long timestamp, String signature)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).header("Authorization", authorization)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
