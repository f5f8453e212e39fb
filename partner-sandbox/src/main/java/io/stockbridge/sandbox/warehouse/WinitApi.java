package io.stockbridge.sandbox.warehouse;

import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * WINIT-style warehouse storage: {@code POST /openapi/service} with a JSON envelope
 * {@code {action, app_key, data, format, language, platform, sign, sign_method, timestamp, version}}, action
 * {@code queryWarehouseStorage}, data {@code {warehouseID, pageNum, pageSize}}. The sign is upper-case hex MD5 of
 * {@code token + "action" + action + "app_key" + app_key + "data" + data + "format" + format + "platform" + platform
 * + "sign_method" + sign_method + "timestamp" + timestamp + "version" + version + token}, data as compact JSON.
 * Answers {@code {"code": "0", "msg": ..., "data": {"list": [...], "pageNum", "pageSize", "total"}}}. Every change of
 * an item gets a new {@code version} (yyyyMMddHHmmssSSS plus 4 digits), which orders its updates.
 */
public final class WinitApi extends PartnerApi {
  static final String PATH = "/openapi/service";
  private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
  private final Accounts accounts;
  private final AtomicLong versionCounter = new AtomicLong();
  private final Map<String, AtomicInteger> firstPages = new ConcurrentHashMap<>();

  WinitApi(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public String style() {
    return "winit";
  }

  @Override
  protected String sellableField() {
    return "qtyAvailable";
  }

  @Override
  public JsonNode put(String itemId, JsonNode fields) {
    ObjectNode storage = JSON.createObjectNode();
    storage.put("productCode", itemId);
    for (String quantity : List.of("qtyAvailable", "qtyWaitOut", "qtyFrozen", "qtyLostConfirming", "qtyDestruction",
        "prohibitFrozenQty", "prohibitUsableQty", "pipelineInventory", "preSaleWaitOutQty")) {
      storage.put(quantity, 0);
    }
    storage.put("isReturnInventory", "N");
    fields.fields().forEachRemaining(field -> storage.set(field.getKey(), field.getValue()));
    storage.put("version", nextVersion());
    store(itemId, storage);
    return storage;
  }

  /**
   * How many times a client began reading this warehouse's storage (asked for its first page): one per poll, so a
   * test can tell a warehouse polled twice from one polled once.
   */
  public int pollsOf(String warehouseId) {
    AtomicInteger polls = firstPages.get(warehouseId);
    return polls == null ? 0 : polls.get();
  }

  @Override
  public void clear() {
    super.clear();
    firstPages.clear();
  }

  /** A version as WINIT writes one; strictly increasing within the sandbox. */
  private String nextVersion() {
    return LocalDateTime.now().format(VERSION_TIME) + String.format("%04d", versionCounter.incrementAndGet() % 10000);
  }

  /** The sign a WINIT client computes; public so that a test can show what a correct request looks like. */
  public static String sign(String token, JsonNode envelope) throws JsonProcessingException {
    String text = token + "action" + envelope.path("action").asText() + "app_key" + envelope.path("app_key").asText()
        + "data" + JSON.writeValueAsString(envelope.path("data")) + "format" + envelope.path("format").asText()
        + "platform" + envelope.path("platform").asText() + "sign_method" + envelope.path("sign_method").asText()
        + "timestamp" + envelope.path("timestamp").asText() + "version" + envelope.path("version").asText() + token;
    return Digests.md5Hex(text).toUpperCase();
  }

  @Override
  SandboxResponse handle(SandboxRequest request) {
    if (!"POST".equals(request.method()) || !PATH.equals(request.path())) {
      return SandboxResponse.json(404, Map.of("code", "404", "msg", "no such service"));
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(request.body());
      if (!envelope.isObject()) {
        throw new IllegalArgumentException();
      }
      if (!accounts.winitAppKey().equals(envelope.path("app_key").asText())
          || !"md5".equals(envelope.path("sign_method").asText())
          || !Digests.same(sign(accounts.winitToken(), envelope), envelope.path("sign").asText())) {
        return SandboxResponse.json(200, Map.of("code", "SIGN_INVALID", "msg", "sandbox: app_key or sign is wrong"));
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return SandboxResponse.json(200, Map.of("code", "BAD_REQUEST", "msg", "sandbox: the body is not a WINIT envelope"));
    }
    if (!"queryWarehouseStorage".equals(envelope.path("action").asText())) {
      return SandboxResponse.json(200, Map.of("code", "ACTION_UNKNOWN", "msg", "sandbox: only queryWarehouseStorage"));
    }
    JsonNode data = envelope.path("data");
    int pageNum = data.path("pageNum").asInt(1);
    int pageSize = data.path("pageSize").asInt(100);
    if (pageNum < 1 || pageSize < 1 || pageSize > 200 || data.path("warehouseID").asText().isBlank()) {
      return SandboxResponse.json(200, Map.of("code", "BAD_REQUEST",
          "msg", "sandbox: warehouseID is required, pageNum >= 1, pageSize 1 to 200"));
    }
    if (pageNum == 1) {
      firstPages.computeIfAbsent(data.path("warehouseID").asText(), id -> new AtomicInteger()).incrementAndGet();
    }
    List<String> ids = itemIds();
    ObjectNode answer = JSON.createObjectNode();
    answer.put("code", "0");
    answer.put("msg", "操作成功");
    ObjectNode page = answer.putObject("data");
    ArrayNode list = page.putArray("list");
    ids.stream().skip((long) (pageNum - 1) * pageSize).limit(pageSize).forEach(id -> {
      ObjectNode row = ((ObjectNode) record(id)).deepCopy();
      row.put("warehouseID", data.path("warehouseID").asText());
      list.add(row);
    });
    page.put("pageNum", pageNum);
    page.put("pageSize", pageSize);
    page.put("total", ids.size());
    return SandboxResponse.json(200, answer);
  }
}
