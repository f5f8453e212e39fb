package io.stockbridge.sandbox.warehouse;

import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 4PX-style inventory, method {@code fu.wms.inventory.get}: {@code POST /router/api/service?app_key=&format=json&
 * method=&timestamp=<ms>&v=1.0&sign=} with body {@code {customer_code, warehouse_code, lstsku: [at most 100],
 * page_no, page_size (at most 500)}}. The sign is lower-case hex MD5 of {@code "app_key" + app_key + "format" +
 * format + "method" + method + "timestamp" + timestamp + "v" + v + body + app_secret}. Answers
 * {@code {"result": "1", "msg", "errors": [], "data": {"page_no", "page_size", "total", "data": [rows]}}}, one row per
 * SKU, batch and quality ({@code available_stock, pending_stock, onway_stock, stock_quality, batch_no}); a rate
 * limited call answers {@code result "0"} with error {@code 000017}.
 */
public final class FourPxApi extends PartnerApi {
  static final String PATH = "/router/api/service";
  public static final String METHOD = "fu.wms.inventory.get";
  public static final String RATE_LIMITED = "000017";
  private final Accounts accounts;

  FourPxApi(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public String style() {
    return "fourpx";
  }

  /** {@code fields} is one batch row or an array of them (several batches or qualities of the SKU). */
  @Override
  protected String sellableField() {
    return "available_stock";
  }

  @Override
  public JsonNode put(String itemId, JsonNode fields) {
    ArrayNode rows = JSON.createArrayNode();
    List<JsonNode> given = new ArrayList<>();
    if (fields.isArray()) {
      fields.forEach(given::add);
    } else {
      given.add(fields);
    }
    int batch = 1;
    for (JsonNode field : given) {
      ObjectNode row = rows.addObject();
      row.put("sku_code", itemId);
      row.put("sku_id", Integer.toUnsignedString(itemId.hashCode()));
      row.put("batch_no", "B" + batch++);
      row.put("stock_quality", "G");
      row.put("available_stock", 0);
      row.put("pending_stock", 0);
      row.put("onway_stock", 0);
      field.fields().forEachRemaining(f -> row.set(f.getKey(), f.getValue()));
    }
    store(itemId, rows);
    return rows;
  }

  /** The sign a 4PX client computes. */
  public static String sign(String appKey, String format, String method, String timestamp, String version, String body,
      String secret) {
    return Digests.md5Hex("app_key" + appKey + "format" + format + "method" + method + "timestamp" + timestamp + "v"
        + version + body + secret);
  }

  private static SandboxResponse error(String code, String message) {
    return SandboxResponse.json(200, Map.of("result", "0", "msg", message,
        "errors", List.of(Map.of("error_code", code, "error_msg", message))));
  }

  static SandboxResponse rateLimited() {
    return error(RATE_LIMITED, "sandbox: calls too frequent, retry in about a minute");
  }

  @Override
  SandboxResponse handle(SandboxRequest request) {
    if (!"POST".equals(request.method()) || !PATH.equals(request.path())) {
      return SandboxResponse.json(404, Map.of("result", "0", "msg", "no such service"));
    }
    Map<String, String> q = request.parameters();
    String expected = sign(q.getOrDefault("app_key", ""), q.getOrDefault("format", ""), q.getOrDefault("method", ""),
        q.getOrDefault("timestamp", ""), q.getOrDefault("v", ""), request.body(), accounts.fourPxSecret());
    if (!accounts.fourPxAppKey().equals(q.get("app_key")) || !Digests.same(expected, q.get("sign"))) {
      return error("SANDBOX_SIGN_INVALID", "sandbox: app_key or sign is wrong");
    }
    if (!METHOD.equals(q.get("method"))) {
      return error("SANDBOX_METHOD_UNKNOWN", "sandbox: only " + METHOD);
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      return error("SANDBOX_BAD_BODY", "sandbox: the body is not JSON");
    }
    JsonNode lstsku = body.path("lstsku");
    if (lstsku.size() > 100) {
      return error("SANDBOX_LSTSKU_OVER_100", "sandbox: lstsku takes at most 100 SKUs per call");
    }
    int pageNo = body.path("page_no").asInt(1);
    int pageSize = body.path("page_size").asInt(50);
    if (pageNo < 1 || pageSize < 1 || pageSize > 500) {
      return error("SANDBOX_PAGE_SIZE", "sandbox: page_no >= 1 and page_size 1 to 500");
    }
    List<JsonNode> rows = new ArrayList<>();
    List<String> wanted = new ArrayList<>();
    lstsku.forEach(sku -> wanted.add(sku.asText()));
    for (String id : wanted.isEmpty() ? itemIds() : wanted) {
      JsonNode batches = record(id);
      if (batches != null) {
        batches.forEach(row -> {
          ObjectNode copy = ((ObjectNode) row).deepCopy();
          copy.put("customer_code", body.path("customer_code").asText());
          copy.put("warehouse_code", body.path("warehouse_code").asText());
          rows.add(copy);
        });
      }
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("result", "1");
    answer.put("msg", "success");
    answer.putArray("errors");
    ObjectNode page = answer.putObject("data");
    page.put("page_no", pageNo);
    page.put("page_size", pageSize);
    page.put("total", rows.size());
    ArrayNode data = page.putArray("data");
    rows.stream().skip((long) (pageNo - 1) * pageSize).limit(pageSize).forEach(data::add);
    return SandboxResponse.json(200, answer);
  }
}
