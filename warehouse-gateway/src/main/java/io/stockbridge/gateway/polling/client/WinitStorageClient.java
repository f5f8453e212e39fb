package io.stockbridge.gateway.polling.client;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.polling.config.PollingConfig;
import io.stockbridge.gateway.warehouse.repository.AdapterType;

/**
 * WINIT warehouse storage ({@code queryWarehouseStorage}), as third-party SDKs describe the open API:
 * {@code POST /openapi/service} with the envelope {@code {action, app_key, data, format: "json", language, platform,
 * sign, sign_method: "md5", timestamp: "yyyy-MM-dd HH:mm:ss", version: "1.0"}}; {@code sign} is upper-case hex MD5 of
 * {@code token + "action" + action + "app_key" + app_key + "data" + data + "format" + format + "platform" + platform
 * + "sign_method" + sign_method + "timestamp" + timestamp + "version" + version + token}, with data as compact JSON.
 * Credentials: {@code appKey}, {@code token}, {@code warehouseId} (WINIT's warehouseID), optional {@code platform}.
 * An answer is {@code {"code": "0", "data": {"list": [...], "total": n}}}; any other code is an error. Each item's
 * {@code version} orders its updates, so an unchanged item is stored once however often it is polled.
 */
@ApplicationScoped
public class WinitStorageClient implements WmsPollClient {
  static final String PATH = "/openapi/service";
  private static final int PAGE_SIZE = 200;
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final WmsHttp http;
  private final PollingConfig config;
  private final ObjectMapper mapper;

  public WinitStorageClient(WmsHttp http, PollingConfig config, ObjectMapper mapper) {
    this.http = http;
    this.config = config;
    this.mapper = mapper;
  }

  @Override
  public AdapterType adapter() {
    return AdapterType.WINIT;
  }

  @Override
  public Uni<List<PolledItem>> fetch(PollTarget target, Collection<String> mappedItems, OffsetDateTime fetchedAt) {
    return page(target, 1, fetchedAt, new ArrayList<>());
  }

  private Uni<List<PolledItem>> page(PollTarget target, int pageNum, OffsetDateTime fetchedAt, List<PolledItem> items) {
    if (pageNum > config.maxPages()) {
      return Uni.createFrom().failure(new PartnerError("WINIT returned more than " + config.maxPages() + " pages"));
    }
    String body = envelope(target, pageNum);
    return http.client().postAbs(config.winitUrl() + PATH).putHeader("Content-Type", "application/json")
        .sendBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(body))
        .chain(response -> {
          WmsPollClient.checkStatus("WINIT", response.statusCode());
          JsonNode answer = WmsPollClient.json(mapper, "WINIT", response.bodyAsString());
          if (!"0".equals(answer.path("code").asText())) {
            throw new PartnerError("WINIT refused queryWarehouseStorage: " + answer.path("code").asText() + " "
                + answer.path("msg").asText());
          }
          JsonNode list = answer.path("data").path("list");
          list.forEach(storage -> {
            String code = storage.path("productCode").asText();
            String version = storage.path("version").asText("");
            items.add(new PolledItem(code, version.isEmpty()
                ? "poll:" + fetchedAt.toInstant().toEpochMilli() + ":" + code : "winit:" + code + ":" + version,
                storage.toString()));
          });
          long total = answer.path("data").path("total").asLong(0);
          boolean more = !list.isEmpty() && (long) pageNum * PAGE_SIZE < total;
          return more ? page(target, pageNum + 1, fetchedAt, items) : Uni.createFrom().item(items);
        });
  }

  /** The signed request envelope; the body sent is exactly what was signed. */
  String envelope(PollTarget target, int pageNum) {
    ObjectNode envelope = mapper.createObjectNode();
    envelope.put("action", "queryWarehouseStorage");
    envelope.put("app_key", target.credential("appKey"));
    ObjectNode data = envelope.putObject("data");
    data.put("warehouseID", target.credential("warehouseId"));
    data.put("pageNum", pageNum);
    data.put("pageSize", PAGE_SIZE);
    envelope.put("format", "json");
    envelope.put("language", "zh_CN");
    envelope.put("platform", target.credentials().getOrDefault("platform", "stockbridge"));
    envelope.put("sign_method", "md5");
    envelope.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).format(TIMESTAMP));
    envelope.put("version", "1.0");
    try {
      String token = target.credential("token");
      String signed = token + "action" + envelope.path("action").asText() + "app_key" + envelope.path("app_key").asText()
          + "data" + mapper.writeValueAsString(data) + "format" + envelope.path("format").asText() + "platform"
          + envelope.path("platform").asText() + "sign_method" + envelope.path("sign_method").asText() + "timestamp"
          + envelope.path("timestamp").asText() + "version" + envelope.path("version").asText() + token;
      envelope.put("sign", HexFormat.of().withUpperCase().formatHex(Md5.digest(signed)));
      return mapper.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
