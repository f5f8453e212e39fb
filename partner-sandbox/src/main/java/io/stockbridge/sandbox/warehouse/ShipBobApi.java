package io.stockbridge.sandbox.warehouse;

import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ShipBob-style inventory levels, API version 2026-01: {@code GET /2026-01/inventory-level?PageSize=&Cursor=} with a
 * personal access token as Bearer. A page is {@code {"items": [...], "next": "<path of the next page>", "prev": null}}.
 * The derived totals are computed as ShipBob documents them when a test does not set them.
 */
public final class ShipBobApi extends PartnerApi {
  static final String PATH = "/2026-01/inventory-level";
  private static final int MAX_PAGE_SIZE = 250;
  private final Accounts accounts;

  ShipBobApi(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public String style() {
    return "shipbob";
  }

  @Override
  protected String sellableField() {
    return "total_on_hand_quantity";
  }

  @Override
  protected List<String> derivedFields() {
    return List.of("total_fulfillable_quantity", "total_sellable_quantity");
  }

  @Override
  public JsonNode put(String itemId, JsonNode fields) {
    if (!itemId.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("ShipBob inventory ids are numbers");
    }
    ObjectNode level = JSON.createObjectNode();
    level.put("inventory_id", Long.parseLong(itemId));
    level.put("name", "Item " + itemId);
    fields.fields().forEachRemaining(field -> level.set(field.getKey(), field.getValue()));
    long onHand = level.path("total_on_hand_quantity").asLong();
    long committed = level.path("total_committed_quantity").asLong();
    long exception = level.path("total_exception_quantity").asLong();
    if (!level.has("total_fulfillable_quantity")) {
      level.put("total_fulfillable_quantity", Math.max(0, onHand - committed));
    }
    if (!level.has("total_sellable_quantity")) {
      level.put("total_sellable_quantity", Math.max(0, onHand - committed - exception));
    }
    store(itemId, level);
    return level;
  }

  @Override
  SandboxResponse handle(SandboxRequest request) {
    if (!"GET".equals(request.method()) || !PATH.equals(request.path())) {
      return SandboxResponse.json(404, Map.of("title", "Not Found"));
    }
    if (!("Bearer " + accounts.shipBobToken()).equals(request.header("Authorization"))) {
      return SandboxResponse.json(401, Map.of("title", "Unauthorized", "detail", "invalid or missing access token"));
    }
    Map<String, String> parameters = request.parameters();
    int pageSize;
    int offset;
    try {
      pageSize = Integer.parseInt(parameters.getOrDefault("PageSize", "50"));
      offset = parameters.containsKey("Cursor") ? Integer.parseInt(new String(
          Base64.getUrlDecoder().decode(parameters.get("Cursor")), StandardCharsets.UTF_8)) : 0;
    } catch (IllegalArgumentException e) {
      return SandboxResponse.json(400, Map.of("title", "Bad Request", "detail", "PageSize or Cursor is malformed"));
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return SandboxResponse.json(400, Map.of("title", "Bad Request", "detail", "PageSize must be 1 to " + MAX_PAGE_SIZE));
    }
    List<String> ids = itemIds();
    ObjectNode page = JSON.createObjectNode();
    ArrayNode items = page.putArray("items");
    ids.stream().skip(offset).limit(pageSize).forEach(id -> items.add(record(id)));
    int nextOffset = offset + pageSize;
    if (nextOffset < ids.size()) {
      page.put("next", PATH + "?PageSize=" + pageSize + "&Cursor=" + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(Integer.toString(nextOffset).getBytes(StandardCharsets.UTF_8)));
    } else {
      page.putNull("next");
    }
    page.putNull("prev");
    return SandboxResponse.json(200, page);
  }
}
