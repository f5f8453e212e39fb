package io.stockbridge.gateway.webhook.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.GatewayProblem;
import io.stockbridge.gateway.adapter.Adapters;
import io.stockbridge.gateway.adapter.ItemReading;
import io.stockbridge.gateway.adapter.ReadingLimits;
import io.stockbridge.gateway.adapter.WmsAdapter;
import io.stockbridge.gateway.config.GatewayConfig;
import io.stockbridge.gateway.webhook.repository.InboxGroupCommit;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;
import io.stockbridge.platform.webhook.StandardWebhookSignature;

/**
 * Takes a partner's webhook: checks size, headers, the warehouse, the timestamp window and the signature, then
 * stores the raw event in the inbox once per event id, all before the partner gets its 2xx. Nothing that fails a
 * check is stored; an acknowledged event is never lost.
 */
@ApplicationScoped
public class WebhookIntake {
  private final WebhookSenders senders;
  private final Adapters adapters;
  private final InboxGroupCommit inbox;
  private final InboxProcessor processor;
  private final GatewayConfig config;
  private final ObjectMapper mapper;
  private final SuiteClock clock;

  public WebhookIntake(WebhookSenders senders, Adapters adapters, InboxGroupCommit inbox, InboxProcessor processor,
      GatewayConfig config, ObjectMapper mapper, SuiteClock clock) {
    this.clock = clock;
    this.senders = senders;
    this.adapters = adapters;
    this.inbox = inbox;
    this.processor = processor;
    this.config = config;
    this.mapper = mapper;
  }

  /** What became of a webhook. */
  public enum Outcome {
    RECEIVED, DUPLICATE
  }

  public Uni<Outcome> accept(UUID warehouseId, String eventId, String timestampHeader, String signature, byte[] body) {
    if (body.length > config.webhooks().maxBodyBytes()) {
      throw new ProblemException(413, CommonProblem.PAYLOAD_TOO_LARGE, "Payload too large",
          "Webhook bodies are limited to " + config.webhooks().maxBodyBytes() + " bytes");
    }
    long timestamp = requireHeaders(eventId, timestampHeader, signature);
    return senders.lookup(warehouseId)
        .chain(sender -> sender != null && !sender.fresh() && !verifies(sender, eventId, timestamp, body, signature)
            ? senders.reload(warehouseId) : Uni.createFrom().item(sender))
        .chain(sender -> {
          check(warehouseId, sender, timestamp);
          if (!verifies(sender, eventId, timestamp, body, signature)) {
            throw new ProblemException(401, CommonProblem.INVALID_SIGNATURE, "Unauthorized",
                "webhook-signature does not match the event and the warehouse's secret");
          }
          String json = readJson(body);
          requireWithinLimits(sender, json, timestamp);
          return store(warehouseId, sender.sellerId(), eventId, timestamp, json);
        });
  }

  /** Durable (committed, alone or with concurrent arrivals) before the partner gets its 2xx; then processing starts. */
  private Uni<Outcome> store(UUID warehouseId, String sellerId, String eventId, long timestamp, String json) {
    return inbox.store(warehouseId, sellerId, eventId,
            OffsetDateTime.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC), json)
        .map(stored -> {
          if (!stored) {
            return Outcome.DUPLICATE;
          }
          processor.wake();
          return Outcome.RECEIVED;
        });
  }

  private boolean verifies(WebhookSenders.Sender sender, String eventId, long timestamp, byte[] body,
      String signature) {
    return StandardWebhookSignature.verify(sender.secretsAt(clock.now().toInstant()), eventId, timestamp, body,
        signature);
  }

  private void check(UUID warehouseId, WebhookSenders.Sender sender, long timestamp) {
    if (sender == null) {
      throw ProblemException.notFound("Warehouse", warehouseId.toString());
    }
    if (!sender.enabled()) {
      // Standard Webhooks: 410 tells the sender to stop sending
      throw new ProblemException(410, GatewayProblem.WAREHOUSE_DISABLED, "Gone", "This warehouse no longer takes webhooks");
    }
    if (!sender.adapter().receivesWebhooks()) {
      throw ProblemException.conflict(GatewayProblem.WEBHOOKS_NOT_ACCEPTED, sender.adapter() + " warehouses are polled, not called back");
    }
    long now = Instant.now().getEpochSecond();
    if (Math.abs(now - timestamp) > config.webhooks().timestampTolerance().toSeconds()) {
      throw new ProblemException(401, CommonProblem.STALE_TIMESTAMP, "Unauthorized",
          "webhook-timestamp is outside the accepted window of " + config.webhooks().timestampTolerance().toSeconds()
              + " s; re-sign the event with the current time");
    }
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
      throw ProblemException.badRequest(GatewayProblem.MISSING_WEBHOOK_HEADERS, "The Standard Webhooks headers are missing or malformed",
          errors);
    }
    return parsed;
  }

  /**
   * The body must be one UTF-8 JSON document without NUL bytes (PostgreSQL text cannot hold one); it is stored
   * exactly as signed.
   */
  private String readJson(byte[] body) {
    for (byte b : body) {
      if (b == 0) {
        throw ProblemException.badRequest(CommonProblem.MALFORMED_JSON, "The webhook body contains a NUL byte",
            List.of(new FieldError("body", "invalid_text", "no NUL bytes")));
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
      mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
    } catch (CharacterCodingException | JsonProcessingException e) {
      throw ProblemException.badRequest(CommonProblem.MALFORMED_JSON, "The webhook body is not UTF-8 JSON", List.of());
    }
    return text;
  }

  /**
   * Readings the suite could never apply (an item id catalog-service cannot look up, a quantity beyond the ledger's
   * range) are refused now, with the fields named, rather than acknowledged and rejected later. A payload the
   * adapter cannot read at all (another event type) is still taken, and rejected with its reason when processed.
   */
  private void requireWithinLimits(WebhookSenders.Sender sender, String json, long timestamp) {
    List<ItemReading> readings;
    try {
      readings = adapters.forInbox(sender.adapter()).read(mapper.readTree(json),
          OffsetDateTime.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC));
    } catch (WmsAdapter.UnreadablePayload | JsonProcessingException notOfTheStyle) {
      return;
    }
    List<FieldError> errors = ReadingLimits.check(readings);
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(GatewayProblem.READING_OUT_OF_LIMITS, "Readings outside what the suite accepts", errors);
    }
  }
}
