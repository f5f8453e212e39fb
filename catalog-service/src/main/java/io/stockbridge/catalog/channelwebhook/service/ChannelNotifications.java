package io.stockbridge.catalog.channelwebhook.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.channelwebhook.config.ChannelWebhookConfig;
import io.stockbridge.catalog.channelwebhook.repository.ChannelNotificationRepository;
import io.stockbridge.catalog.connection.client.ChannelRequestSigner;
import io.stockbridge.catalog.connection.config.ChannelConfig;
import io.stockbridge.catalog.connection.repository.ChannelConnection;
import io.stockbridge.catalog.connection.repository.ChannelConnectionRepository;
import io.stockbridge.catalog.connection.service.ChannelConnectionService;
import io.stockbridge.catalog.listing.service.ListingAudits;
import io.stockbridge.catalog.sales.service.ChannelSales;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * The channel's notifications (TikTok Shop style): signed with the app secret over app key + body, deduplicated by
 * {@code tts_notification_id}, refused outside the timestamp window. A product's audit result moves its listing;
 * an order's status becomes a reservation, a release or a commit in inventory-service, through the outbox; the
 * seller removing the app, or the authorisation about to lapse, is known before a push fails on it (CH-3).
 */
@ApplicationScoped
public class ChannelNotifications {
  /** The channel's notification types. */
  static final int ORDER_STATUS_UPDATE = 1;
  static final int PACKAGE_UPDATE = 4;
  static final int RETURN_STATUS_UPDATE = 12;
  static final int PRODUCT_AUDIT_RESULT_UPDATE = 5;
  static final int SELLER_DEAUTHORIZATION = 6;
  static final int UPCOMING_AUTHORIZATION_EXPIRATION = 7;
  static final String LEDGER = "inventory-service";

  private final ChannelConfig channel;
  private final ChannelWebhookConfig config;
  private final ChannelConnectionRepository connections;
  private final ChannelNotificationRepository notifications;
  private final ListingAudits audits;
  private final ChannelConnectionService connectionService;
  private final FulfilmentNotices fulfilment;
  private final ChannelSales sales;
  private final Outbox outbox;
  private final ObjectMapper mapper;
  private final SuiteClock clock;

  public ChannelNotifications(ChannelConfig channel, ChannelWebhookConfig config,
      ChannelConnectionRepository connections, ChannelNotificationRepository notifications, ListingAudits audits,
      ChannelConnectionService connectionService, FulfilmentNotices fulfilment, ChannelSales sales, Outbox outbox,
      ObjectMapper mapper, SuiteClock clock) {
    this.sales = sales;
    this.connectionService = connectionService;
    this.fulfilment = fulfilment;
    this.channel = channel;
    this.config = config;
    this.connections = connections;
    this.notifications = notifications;
    this.audits = audits;
    this.outbox = outbox;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Checks and applies one notification; answers whether it was new (false: a repeat, already applied). */
  public Uni<Boolean> receive(UUID connectionId, String signature, String body) {
    if (body.getBytes(StandardCharsets.UTF_8).length > config.maxBodyBytes()) {
      throw new ProblemException(413, CommonProblem.PAYLOAD_TOO_LARGE, "Payload too large",
          "A notification may have at most " + config.maxBodyBytes() + " bytes");
    }
    String appKey = channel.appKey().orElse("");
    String secret = channel.appSecret().orElse("");
    if (secret.isEmpty() || !ChannelRequestSigner.webhookSigned(secret, appKey, body, signature)) {
      throw new ProblemException(401, CommonProblem.INVALID_SIGNATURE, "Unauthorized",
          "The Authorization header is not the channel's signature of this body");
    }
    JsonNode notification = parse(body);
    String id = notification.path("tts_notification_id").asText("");
    long timestamp = notification.path("timestamp").asLong(0);
    List<FieldError> errors = new ArrayList<>();
    if (id.isBlank()) {
      errors.add(new FieldError("tts_notification_id", "required", "the notification's id"));
    }
    if (!notification.path("type").isInt()) {
      errors.add(new FieldError("type", "required", "the notification's type number"));
    }
    if (timestamp == 0) {
      errors.add(new FieldError("timestamp", "required", "Unix seconds"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The notification is incomplete", errors);
    }
    if (Math.abs(Instant.now().getEpochSecond() - timestamp) > config.timestampTolerance().toSeconds()) {
      throw ProblemException.badRequest(CommonProblem.STALE_TIMESTAMP, "The notification is outside the replay window",
          List.of(new FieldError("timestamp", "stale", "more than " + config.timestampTolerance().toSeconds()
              + " seconds from now")));
    }
    return apply(connectionId, id, notification, body);
  }

  @WithTransaction
  Uni<Boolean> apply(UUID connectionId, String id, JsonNode notification, String body) {
    return connections.findById(connectionId).chain(connection -> {
      String shop = notification.path("shop_id").asText(null);
      if (connection == null || (shop != null && connection.shopId != null && !shop.equals(connection.shopId))) {
        throw ProblemException.notFound("Channel connection", connectionId.toString());
      }
      int type = notification.path("type").asInt();
      return notifications.recordFirst(id, connectionId, type, body, clock.now()).chain(first -> {
        if (!first) {
          return Uni.createFrom().item(false);
        }
        JsonNode data = notification.path("data");
        return switch (type) {
          case PRODUCT_AUDIT_RESULT_UPDATE -> audits.auditResult(connection.id, data.path("product_id").asText(""),
              "PASSED".equals(data.path("audit_status").asText()) || "ACTIVATE".equals(data.path("status").asText()),
              reasons(data.path("reject_reasons"))).replaceWith(true);
          case ORDER_STATUS_UPDATE -> order(connection, data).replaceWith(true);
          case PACKAGE_UPDATE -> fulfilment.packageUpdated(connection, data).replaceWith(true);
          case RETURN_STATUS_UPDATE -> fulfilment.returnUpdated(connection, data).replaceWith(true);
          case SELLER_DEAUTHORIZATION -> connectionService.deauthorized(connection.id).replaceWith(true);
          case UPCOMING_AUTHORIZATION_EXPIRATION -> data.path("expiration_time").canConvertToLong()
              ? connectionService.authorizationExpires(connection.id, OffsetDateTime.ofInstant(
                  Instant.ofEpochSecond(data.path("expiration_time").asLong()), ZoneOffset.UTC)).replaceWith(true)
              : Uni.createFrom().item(true);
          default -> {
            Log.debugf("Channel notification type %d ignored", type);
            yield Uni.createFrom().item(true);
          }
        };
      });
    });
  }

  /**
   * An order's status as a transition of its reservation: created -> reserve, cancelled -> release, shipped ->
   * commit. Each change is sent once, after the earlier ones of the same order were settled, in the order received:
   * none is ever superseded (a "shipped" must not erase the "placed" the ledger has not seen), and the ledger
   * defines each transition from every state, so a channel that sends them out of order is still right.
   */
  private Uni<Void> order(ChannelConnection connection, JsonNode data) {
    String orderId = data.path("order_id").asText("");
    String status = data.path("order_status").asText("");
    String state = switch (status) {
      case "UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION", "PARTIALLY_SHIPPING" -> "RESERVED";
      case "CANCELLED" -> "RELEASED";
      case "IN_TRANSIT", "DELIVERED", "COMPLETED" -> "COMMITTED";
      default -> null;
    };
    if (orderId.isBlank() || state == null) {
      Log.warnf("Order notification without an order id or with status '%s' ignored", status);
      return Uni.createFrom().voidItem();
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    data.path("line_items").forEach(line -> lines.add(Map.of("sellerSku", line.path("seller_sku").asText(""),
        "quantity", line.path("quantity").asLong(1))));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("orderId", orderId);
    payload.put("state", state);
    payload.put("lines", lines);
    payload.put("channelStatus", status);
    return outbox.enqueue(OutboxMessage.inSequence(LEDGER, "/internal/v1/channel-orders", "channel.order-status",
            connection.sellerId, payload, "order|" + connection.id + "|" + orderId))
        .chain(() -> "COMMITTED".equals(state) ? sales.shipped(connection, orderId, data)
            : Uni.createFrom().voidItem())
        .replaceWithVoid();
  }

  private static List<String> reasons(JsonNode node) {
    List<String> reasons = new ArrayList<>();
    node.forEach(reason -> reasons.add(reason.isTextual() ? reason.asText() : reason.toString()));
    return reasons;
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || !node.isObject()) {
        throw new JsonProcessingException("not a JSON object") {
        };
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(CatalogProblem.MALFORMED_BODY, "The notification is not a JSON object",
          List.of(new FieldError("body", "malformed", e.getOriginalMessage())));
    }
  }

}
