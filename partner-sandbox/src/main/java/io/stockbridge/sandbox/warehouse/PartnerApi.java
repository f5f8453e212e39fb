package io.stockbridge.sandbox.warehouse;

import io.stockbridge.sandbox.http.SandboxRequest;
import io.stockbridge.sandbox.http.SandboxResponse;
import io.stockbridge.sandbox.http.Faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every simulated WMS API has: its stock records (in the partner's own field names, kept in item order so that
 * pages are stable), its faults, and a record of the calls it got.
 */
public abstract class PartnerApi {
  protected static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> records = new ConcurrentSkipListMap<>();
  private final Faults faults = new Faults();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<String> lastRequest = new AtomicReference<>();

  /** The style's name in the sandbox's paths: shipbob, winit or fourpx. */
  public abstract String style();

  /** Sets what the warehouse holds of an item, in the partner's field names; the sandbox stamps the item's ids. */
  public abstract JsonNode put(String itemId, JsonNode fields);

  /** The field of the partner's records that holds an item's sellable units. */
  protected abstract String sellableField();

  /** Fields the partner derives from the others, recomputed when an item changes. */
  protected List<String> derivedFields() {
    return List.of();
  }

  /**
   * The warehouse loses {@code units} of an item's sellable stock (damage or loss nobody reported): its next reading
   * shows them gone. Of a partner that keeps an item in batches, the first batch loses them.
   */
  public JsonNode lose(String itemId, long units) {
    JsonNode record = record(itemId);
    if (record == null) {
      throw new IllegalArgumentException("no item " + itemId);
    }
    ObjectNode fields = (record.isArray() ? record.get(0) : record).deepCopy();
    fields.put(sellableField(), Math.max(0, fields.path(sellableField()).asLong() - units));
    derivedFields().forEach(fields::remove);
    return put(itemId, fields);
  }

  /** Answers one API call. */
  abstract SandboxResponse handle(SandboxRequest request);

  public Faults faults() {
    return faults;
  }

  /** How many calls reached the API (including refused ones). */
  public int calls() {
    return calls.get();
  }

  /** The body (or query) of the last call, as received. */
  public String lastRequest() {
    return lastRequest.get();
  }

  public void remove(String itemId) {
    records.remove(itemId);
  }

  public void clear() {
    records.clear();
    faults.clear();
    calls.set(0);
  }

  protected void store(String itemId, JsonNode record) {
    records.put(itemId, record);
  }

  protected JsonNode record(String itemId) {
    return records.get(itemId);
  }

  protected List<String> itemIds() {
    return new ArrayList<>(records.keySet());
  }

  SandboxResponse call(SandboxRequest request) {
    calls.incrementAndGet();
    lastRequest.set(request.body().isEmpty() ? request.query() : request.body());
    return handle(request);
  }
}
