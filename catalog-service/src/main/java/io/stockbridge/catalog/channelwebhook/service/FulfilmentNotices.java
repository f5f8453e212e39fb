package io.stockbridge.catalog.channelwebhook.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelpush.repository.ChannelWarehouseRepository;
import io.stockbridge.catalog.connection.repository.ChannelConnection;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;

/**
 * What the channel's package and return notices mean for the ledger, relayed through the outbox: a package with a
 * shipping label locks its SKUs' hand edits until it ships or is cancelled (INV-1); units a return brought back
 * enter QC of the warehouse they went back to (STK-3).
 */
@ApplicationScoped
public class FulfilmentNotices {
  /** Package statuses that mean a label exists and the parcel has not left. */
  private static final Set<String> LABELLED = Set.of("PROCESSING", "FULFILLING", "AWAITING_COLLECTION");
  private static final Set<String> SHIPPED = Set.of("IN_TRANSIT", "DELIVERED", "COMPLETED", "SHIPPED");
  /** Return types in which goods come back (a refund alone brings nothing). */
  private static final Set<String> GOODS_BACK = Set.of("RETURN_AND_REFUND", "REPLACEMENT");
  /** The return status that says the seller received the goods back. */
  private static final String RECEIVED = "RETURN_OR_REFUND_REQUEST_COMPLETE";

  private final ChannelWarehouseRepository warehouses;
  private final Outbox outbox;

  public FulfilmentNotices(ChannelWarehouseRepository warehouses, Outbox outbox) {
    this.warehouses = warehouses;
    this.outbox = outbox;
  }

  /** A package's status: its label state, in order per package. */
  public Uni<Void> packageUpdated(ChannelConnection connection, JsonNode data) {
    String packageId = data.path("package_id").asText("");
    String status = data.path("package_status").asText("");
    String state = LABELLED.contains(status) ? "LABELLED" : SHIPPED.contains(status) ? "SHIPPED"
        : "CANCELLED".equals(status) ? "CANCELLED" : null;
    if (packageId.isBlank() || state == null) {
      Log.debugf("Package notification with status '%s' changes no label", status);
      return Uni.createFrom().voidItem();
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("packageId", packageId);
    payload.put("orderId", data.path("order_id").asText(null));
    payload.put("state", state);
    payload.put("lines", lines(data.path("line_items")));
    return outbox.enqueue(OutboxMessage.inSequence(ChannelNotifications.LEDGER, "/internal/v1/shipping-labels",
        "channel.package-label", connection.sellerId, payload, "package|" + connection.id + "|" + packageId))
        .replaceWithVoid();
  }

  /** A return whose goods the seller received back: its units, once, into QC. */
  public Uni<Void> returnUpdated(ChannelConnection connection, JsonNode data) {
    String returnId = data.path("return_id").asText("");
    if (returnId.isBlank() || !RECEIVED.equals(data.path("return_status").asText())
        || !GOODS_BACK.contains(data.path("return_type").asText())) {
      return Uni.createFrom().voidItem();
    }
    String channelWarehouse = data.path("warehouse_id").asText("");
    Uni<String> warehouse = channelWarehouse.isBlank() ? Uni.createFrom().nullItem()
        : warehouses.warehouseOf(connection.id, channelWarehouse);
    return warehouse.chain(warehouseId -> {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("returnId", returnId);
      payload.put("orderId", data.path("order_id").asText(""));
      payload.put("warehouseId", warehouseId);
      payload.put("lines", lines(data.path("return_line_items")));
      return outbox.enqueue(OutboxMessage.inSequence(ChannelNotifications.LEDGER, "/internal/v1/channel-returns",
          "channel.return-received", connection.sellerId, payload, "return|" + connection.id + "|" + returnId));
    }).replaceWithVoid();
  }

  private static List<Map<String, Object>> lines(JsonNode items) {
    List<Map<String, Object>> lines = new ArrayList<>();
    items.forEach(line -> lines.add(Map.of("sellerSku", line.path("seller_sku").asText(""),
        "quantity", line.path("quantity").asLong(1))));
    return lines;
  }
}
