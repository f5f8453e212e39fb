package io.stockbridge.gateway.webhook.service;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.config.GatewayConfig;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnectionRepository;
import io.stockbridge.gateway.warehouse.service.WebhookSecrets;
import io.stockbridge.gateway.webhook.repository.InboundEventRepository;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Takes a partner's webhook: checks size, headers, the warehouse, the timestamp window and the signature, then
 * stores the raw event in the inbox once per event id, all before the partner gets its 2xx. Nothing that fails a
 * check is stored; an acknowledged event is never lost.
 */
@ApplicationScoped
public class WebhookIntake {
  private final WarehouseConnectionRepository warehouses;
  private final WebhookSecrets secrets;
  private final InboundEventRepository inbox;
  private final GatewayConfig config;
  private final ObjectMapper mapper;

  public WebhookIntake(WarehouseConnectionRepository warehouses, WebhookSecrets secrets, InboundEventRepository inbox,
      GatewayConfig config, ObjectMapper mapper) {
    this.warehouses = warehouses;
    this.secrets = secrets;
    this.inbox = inbox;
    this.config = config;
    this.mapper = mapper;
  }

  /** What became of a webhook. */
  public enum Outcome {
    RECEIVED, DUPLICATE
  }

  @WithTransaction
  public Uni<Outcome> accept(UUID warehouseId, String eventId, String timestampHeader, String signature, byte[] body) {
    if (body.length > config.webhooks().maxBodyBytes()) {
      throw new ProblemException(413, "PAYLOAD_TOO_LARGE", "Payload too large",
          "Webhook bodies are limited to " + config.webhooks().maxBodyBytes() + " bytes");
    }
    long timestamp = requireHeaders(eventId, timestampHeader, signature);
    return warehouses.findById(warehouseId).chain(warehouse -> {
      if (warehouse == null) {
        throw ProblemException.notFound("Warehouse", warehouseId.toString());
      }
      if (!warehouse.enabled) {
        // Standard Webhooks: 410 tells the sender to stop sending
        throw new ProblemException(410, "WAREHOUSE_DISABLED", "Gone", "This warehouse no longer takes webhooks");
      }
      if (!warehouse.adapter.receivesWebhooks()) {
        throw ProblemException.conflict("WEBHOOKS_NOT_ACCEPTED",
            warehouse.adapter + " warehouses are polled, not called back");
      }
      long now = Instant.now().getEpochSecond();
      if (Math.abs(now - timestamp) > config.webhooks().timestampTolerance().toSeconds()) {
        throw new ProblemException(401, "STALE_TIMESTAMP", "Unauthorized",
            "webhook-timestamp is outside the accepted window of " + config.webhooks().timestampTolerance().toSeconds()
                + " s; re-sign the event with the current time");
      }
      return secrets.valid(warehouseId).chain(valid -> {
        if (!StandardWebhookSignature.verify(valid, eventId, timestamp, body, signature)) {
          throw new ProblemException(401, "INVALID_SIGNATURE", "Unauthorized",
              "webhook-signature does not match the event and the warehouse's secret");
        }
        String json = readJson(body);
        return inbox.storeOnce(warehouseId, warehouse.sellerId, eventId,
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC), json)
            .map(stored -> stored ? Outcome.RECEIVED : Outcome.DUPLICATE);
      });
    });
  }

  private static long requireHeaders(String eventId, String timestamp, String signature) {
    List<FieldError> errors = new ArrayList<>();
    if (eventId == null || eventId.isBlank() || eventId.length() > 255) {
      errors.add(new FieldError("webhook-id", "required", "a unique id of the event, at most 255 characters"));
    }
    long parsed = -1;
    if (timestamp == null || !timestamp.matches("[0-9]{1,12}")) {
      errors.add(new FieldError("webhook-timestamp", "required", "Unix seconds when the event was signed"));
    } else {
      parsed = Long.parseLong(timestamp);
    }
    if (signature == null || signature.isBlank()) {
      errors.add(new FieldError("webhook-signature", "required", "space-separated v1,<base64> entries"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("MISSING_WEBHOOK_HEADERS", "The Standard Webhooks headers are missing or malformed",
          errors);
    }
    return parsed;
  }

  /** The body must be UTF-8 JSON; it is stored exactly as signed. */
  private String readJson(byte[] body) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
      mapper.readTree(text);
    } catch (CharacterCodingException | JsonProcessingException e) {
      throw ProblemException.badRequest("MALFORMED_JSON", "The webhook body is not UTF-8 JSON", List.of());
    }
    return text;
  }
}
