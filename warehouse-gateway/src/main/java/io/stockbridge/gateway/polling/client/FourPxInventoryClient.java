package io.stockbridge.gateway.polling.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.polling.config.PollingConfig;
import io.stockbridge.gateway.warehouse.repository.AdapterType;

/**
 * 4PX warehouse inventory ({@code fu.wms.inventory.get}), as third-party clients describe the open platform:
 * {@code POST /router/api/service?app_key=&format=json&method=&timestamp=<ms>&v=1.0&sign=}, {@code sign} being
 * lower-case hex MD5 of {@code "app_key" + app_key + "format" + format + "method" + method + "timestamp" + timestamp
 * + "v" + v + body + app_secret}. Body {@code {customer_code, warehouse_code, lstsku, page_no, page_size}}: at most
 * 100 SKUs per call (so the mapped items are asked for in chunks of 100) and 500 rows per page. Credentials:
 * {@code appKey}, {@code appSecret}, {@code warehouseCode}, optional {@code customerCode}. An answer with
 * {@code result} other than "1" is an error; error {@code 000017} means rate limited (retry in about a minute).
 * Rows come per SKU, batch and quality; they are grouped per SKU, and a SKU asked for with no rows is reported as
 * holding nothing (4PX drops depleted batches), so a sold-out SKU reaches zero instead of keeping its last stock.
 */
@ApplicationScoped
public class FourPxInventoryClient implements WmsPollClient {
  static final String PATH = "/router/api/service";
  static final String METHOD = "fu.wms.inventory.get";
  static final String RATE_LIMITED = "000017";
  static final int SKUS_PER_CALL = 100;
  private static final int PAGE_SIZE = 500;

  private final WmsHttp http;
  private final PollingConfig config;
  private final ObjectMapper mapper;

  public FourPxInventoryClient(WmsHttp http, PollingConfig config, ObjectMapper mapper) {
    this.http = http;
    this.config = config;
    this.mapper = mapper;
  }

  @Override
  public AdapterType adapter() {
    return AdapterType.FOURPX;
  }

  @Override
  public Uni<List<PolledItem>> fetch(PollTarget target, Collection<String> mappedItems, OffsetDateTime fetchedAt) {
    List<String> skus = new ArrayList<>(mappedItems);
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < skus.size(); from += SKUS_PER_CALL) {
      chunks.add(skus.subList(from, Math.min(skus.size(), from + SKUS_PER_CALL)));
    }
    Map<String, ArrayNode> rowsBySku = new LinkedHashMap<>();
    skus.forEach(sku -> rowsBySku.put(sku, mapper.createArrayNode()));
    return Multi.createFrom().iterable(chunks)
        .onItem().transformToUniAndConcatenate(chunk -> page(target, chunk, 1, rowsBySku, 0))
        .collect().last()
        .map(ignored -> rowsBySku.entrySet().stream().map(entry -> new PolledItem(entry.getKey(),
            "poll:" + fetchedAt.toInstant().toEpochMilli() + ":" + entry.getKey(), item(entry.getKey(), entry.getValue())))
            .toList());
  }

  /** One SKU's rows as the inbox keeps them: {@code {"sku_code": ..., "batches": [rows as 4PX sent them]}}. */
  private String item(String sku, ArrayNode rows) {
    ObjectNode item = mapper.createObjectNode();
    item.put("sku_code", sku);
    item.set("batches", rows);
    return item.toString();
  }

  private Uni<Integer> page(PollTarget target, List<String> chunk, int pageNo, Map<String, ArrayNode> rowsBySku,
      int seen) {
    if (pageNo > config.maxPages()) {
      return Uni.createFrom().failure(new PartnerError("4PX returned more than " + config.maxPages() + " pages"));
    }
    ObjectNode body = mapper.createObjectNode();
    body.put("customer_code", target.credentials().getOrDefault("customerCode", ""));
    body.put("warehouse_code", target.credential("warehouseCode"));
    ArrayNode lstsku = body.putArray("lstsku");
    chunk.forEach(lstsku::add);
    body.put("page_no", pageNo);
    body.put("page_size", PAGE_SIZE);
    String json = body.toString();
    return http.client().postAbs(config.fourpxUrl() + PATH + "?" + signedQuery(target, json))
        .putHeader("Content-Type", "application/json")
        .sendBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(json))
        .chain(response -> {
          WmsPollClient.checkStatus("4PX", response.statusCode());
          JsonNode answer = WmsPollClient.json(mapper, "4PX", response.bodyAsString());
          if (!"1".equals(answer.path("result").asText())) {
            JsonNode error = answer.path("errors").path(0);
            String code = error.path("error_code").asText("");
            String reason = "4PX refused " + METHOD + ": " + code + " " + error.path("error_msg").asText(answer.path("msg").asText());
            throw RATE_LIMITED.equals(code) ? new RateLimited(reason) : new PartnerError(reason);
          }
          JsonNode rows = answer.path("data").path("data");
          rows.forEach(row -> {
            ArrayNode rowsOfSku = rowsBySku.get(row.path("sku_code").asText());
            if (rowsOfSku != null) {
              rowsOfSku.add(row);
            }
          });
          int now = seen + rows.size();
          boolean more = !rows.isEmpty() && now < answer.path("data").path("total").asInt(0);
          return more ? page(target, chunk, pageNo + 1, rowsBySku, now) : Uni.createFrom().item(now);
        });
  }

  /** The query string with the sign over exactly the body sent. */
  String signedQuery(PollTarget target, String body) {
    String appKey = target.credential("appKey");
    String timestamp = Long.toString(System.currentTimeMillis());
    String sign = HexFormat.of().formatHex(Md5.digest("app_key" + appKey + "format" + "json" + "method" + METHOD
        + "timestamp" + timestamp + "v" + "1.0" + body + target.credential("appSecret")));
    return "app_key=" + encode(appKey) + "&format=json&method=" + METHOD + "&timestamp=" + timestamp + "&v=1.0&sign=" + sign;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

}
