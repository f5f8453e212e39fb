package io.stockbridge.sandbox.warehouse;

import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A partner speaking Stockbridge's own vocabulary over Standard Webhooks (the gateway's STANDARD_WEBHOOKS style),
 * whose WMS takes count requests: Stockbridge posts a signed {@code count.requested} event to
 * {@code POST /standard/count-requests}; the partner answers 202, counts, and later sends a signed
 * {@code count.completed} webhook with what it found ({@code counted}: the item's units on its shelves, from its
 * records). Its stock records use the fields of an {@code inventory.levels} item: {@code inTransit}, {@code qc},
 * {@code frozen}, {@code sellable}.
 */
public final class StandardPartnerApi extends PartnerApi {
  static final String COUNT_REQUESTS = "/count-requests";
  private static final long TOLERANCE_SECONDS = 300;

  private final AtomicReference<Counting> counting = new AtomicReference<>();
  private final Map<String, ReceivedCount> counts = new ConcurrentHashMap<>();
  private final WebhookSender webhooks;
  private final ExecutorService answering = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "sandbox-count-answers");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * How the partner takes count requests and where it answers.
   *
   * @param secret       the warehouse's webhook secret: requests must be signed with it, answers are
   * @param webhookUrl   the gateway's webhook URL of the warehouse
   * @param autoComplete whether a count is answered as soon as it is requested (else on {@link #complete})
   */
  public record Counting(String secret, String webhookUrl, boolean autoComplete) {
  }

  /** A count request as the partner received it: the items to count and how often it arrived. */
  public record ReceivedCount(String countId, List<String> itemIds, AtomicInteger received) {
  }

  StandardPartnerApi(WebhookSender webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public String style() {
    return "standard";
  }

  @Override
  protected String sellableField() {
    return "sellable";
  }

  @Override
  public JsonNode put(String itemId, JsonNode fields) {
    ObjectNode item = JSON.createObjectNode();
    item.put("itemId", itemId);
    for (String quantity : List.of("inTransit", "qc", "frozen", "sellable")) {
      item.put(quantity, 0);
    }
    fields.fields().forEachRemaining(field -> item.set(field.getKey(), field.getValue()));
    store(itemId, item);
    return item;
  }

  public void counting(Counting settings) {
    counting.set(settings);
  }

  /** The count requests received, by count id. */
  public Map<String, ReceivedCount> countRequests() {
    return Map.copyOf(counts);
  }

  @Override
  public void clear() {
    super.clear();
    counts.clear();
    counting.set(null);
  }

  /**
   * Answers a requested count: each item's sellable units from the records (0 for an item the partner does not
   * hold), sent {@code copies} times as the same signed webhook.
   */
  public List<WebhookSender.Delivery> complete(String countId, int copies) {
    Counting settings = counting.get();
    ReceivedCount count = counts.get(countId);
    if (settings == null || count == null) {
      throw new IllegalArgumentException("no count request " + countId + " was received");
    }
    ObjectNode report = JSON.createObjectNode();
    report.put("type", "count.completed");
    ObjectNode data = report.putObject("data");
    data.put("countId", countId);
    ArrayNode items = data.putArray("items");
    for (String itemId : count.itemIds()) {
      JsonNode record = record(itemId);
      items.addObject().put("itemId", itemId).put("counted", record == null ? 0 : record.path("sellable").asLong());
    }
    return webhooks.send(settings.webhookUrl(), settings.secret(), List.of(new WebhookSender.Event(
        "count-completed-" + countId, report.toString(), copies, java.time.Duration.ZERO)), WebhookSender.Order.AS_GIVEN, 0);
  }

  @Override
  SandboxResponse handle(SandboxRequest request) {
    if (!"POST".equals(request.method()) || !COUNT_REQUESTS.equals(request.path())) {
      return SandboxResponse.json(404, Map.of("error", "this partner takes POST /count-requests only"));
    }
    Counting settings = counting.get();
    if (settings == null) {
      return SandboxResponse.json(503, Map.of("error", "sandbox: counting is not set up (PUT /sandbox/standard/counting)"));
    }
    String id = request.header("webhook-id");
    String timestamp = request.header("webhook-timestamp");
    String signature = request.header("webhook-signature");
    if (id == null || timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")
        || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS
        || !signedWith(settings.secret(), id, Long.parseLong(timestamp), request.body(), signature)) {
      return SandboxResponse.json(401, Map.of("error", "sandbox: the count request is not signed with the warehouse's secret"));
    }
    JsonNode event;
    try {
      event = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      return SandboxResponse.json(400, Map.of("error", "sandbox: the body is not JSON"));
    }
    String countId = event.path("data").path("countId").asText();
    if (!"count.requested".equals(event.path("type").asText()) || countId.isBlank()
        || !event.path("data").path("items").isArray()) {
      return SandboxResponse.json(400, Map.of("error", "sandbox: expected a count.requested event with data.countId "
          + "and data.items"));
    }
    List<String> itemIds = new ArrayList<>();
    event.path("data").path("items").forEach(item -> itemIds.add(item.path("itemId").asText()));
    ReceivedCount received = counts.computeIfAbsent(countId, key -> new ReceivedCount(key, itemIds, new AtomicInteger()));
    if (received.received().incrementAndGet() == 1 && settings.autoComplete()) {
      answering.submit(() -> complete(countId, 1));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("accepted", countId);
    answer.put("received", received.received().get());
    return SandboxResponse.json(202, answer);
  }

  private static boolean signedWith(String secret, String id, long timestamp, String body, String header) {
    byte[] expected = WebhookSender.signature(secret, id, timestamp, body.getBytes(StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    boolean valid = false;
    for (String entry : header.trim().split(" +")) {
      valid |= MessageDigest.isEqual(expected, entry.getBytes(StandardCharsets.UTF_8));
    }
    return valid;
  }
}
