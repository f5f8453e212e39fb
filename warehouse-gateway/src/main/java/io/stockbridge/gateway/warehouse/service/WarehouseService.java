package io.stockbridge.gateway.warehouse.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.GatewayProblem;
import io.stockbridge.gateway.config.GatewayConfig;
import io.stockbridge.gateway.warehouse.InboundEventView;
import io.stockbridge.gateway.warehouse.WarehouseDraft;
import io.stockbridge.gateway.warehouse.WarehouseView;
import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnectionRepository;
import io.stockbridge.gateway.webhook.repository.InboundEventRepository;
import io.stockbridge.gateway.webhook.repository.InboundEventStatus;
import io.stockbridge.gateway.webhook.service.WebhookSenders;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.secret.SecretCipher;
import io.stockbridge.platform.time.SuiteClock;

/**
 * A seller's warehouse connections.
 */
@ApplicationScoped
public class WarehouseService {
  private static final int DEFAULT_POLL_INTERVAL_SECONDS = 300;
  private final WarehouseConnectionRepository repository;
  private final WebhookSecrets secrets;
  private final WebhookSenders senders;
  private final SyncWatch syncWatch;
  private final SecretCipher cipher;
  private final InboundEventRepository inbox;
  private final GatewayConfig config;
  private final ObjectMapper mapper;
  private final SuiteClock clock;

  public WarehouseService(WarehouseConnectionRepository repository, WebhookSecrets secrets, WebhookSenders senders,
      SyncWatch syncWatch, SecretCipher cipher, InboundEventRepository inbox, GatewayConfig config, ObjectMapper mapper, SuiteClock clock) {
    this.repository = repository;
    this.secrets = secrets;
    this.senders = senders;
    this.syncWatch = syncWatch;
    this.cipher = cipher;
    this.inbox = inbox;
    this.config = config;
    this.mapper = mapper;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<WarehouseView> connect(String sellerId, WarehouseDraft draft) {
    validate(draft);
    return repository.codeTaken(sellerId, draft.code()).chain(taken -> {
      if (taken) {
        throw new ProblemException(409, GatewayProblem.WAREHOUSE_CODE_TAKEN, "Conflict",
            "The seller already has a warehouse with code " + draft.code(),
            List.of(new FieldError("code", "taken", "already used by another warehouse of this seller")));
      }
      WarehouseConnection warehouse = new WarehouseConnection();
      warehouse.id = UUID.randomUUID();
      warehouse.sellerId = sellerId;
      warehouse.code = draft.code();
      warehouse.name = draft.name();
      warehouse.country = draft.country();
      warehouse.adapter = draft.adapter();
      warehouse.pollIntervalSeconds = polled(draft)
          ? (draft.pollIntervalSeconds() == null ? DEFAULT_POLL_INTERVAL_SECONDS : draft.pollIntervalSeconds())
          : null;
      warehouse.enabled = true;
      warehouse.countRequestUrl = draft.countRequestUrl();
      warehouse.createdAt = clock.now();
      if (draft.credentials() != null && !draft.credentials().isEmpty()) {
        warehouse.credentials = cipher.seal(json(draft.credentials()), "credentials:" + warehouse.id);
      }
      return repository.persist(warehouse)
          .chain(() -> repository.flush())
          .chain(() -> warehouse.adapter.receivesWebhooks() ? secrets.issue(warehouse.id)
              : Uni.createFrom().<String>nullItem())
          .map(secret -> WarehouseView.of(warehouse, config.publicUrl(), secret, null, SyncState.NEVER));
    });
  }

  /** Whether the warehouse will be polled: always for polling-only styles, for ShipBob when a token is given. */
  private static boolean polled(WarehouseDraft draft) {
    return draft.adapter().polls() && (draft.adapter().mustPoll() || draft.pollIntervalSeconds() != null
        || (draft.credentials() != null && draft.adapter().pollCredentials().stream()
            .allMatch(key -> draft.credentials().containsKey(key))));
  }

  /** The channel's "API ready" flag must agree with the adapter: a CSV warehouse is never API ready (WH-1). */
  private static void validate(WarehouseDraft draft) {
    List<FieldError> errors = new ArrayList<>();
    if (draft.apiReady() != draft.adapter().apiReady()) {
      errors.add(new FieldError("apiReady", "inconsistent", draft.adapter() + " warehouses are "
          + (draft.adapter().apiReady() ? "" : "not ") + "API ready"));
    }
    if (!draft.adapter().polls() && draft.pollIntervalSeconds() != null) {
      errors.add(new FieldError("pollIntervalSeconds", "not_allowed", draft.adapter() + " warehouses are not polled"));
    }
    if (draft.adapter().polls() && (draft.adapter().mustPoll() || draft.pollIntervalSeconds() != null)) {
      for (String key : draft.adapter().pollCredentials()) {
        String value = draft.credentials() == null ? null : draft.credentials().get(key);
        if (value == null || value.isBlank()) {
          errors.add(new FieldError("credentials." + key, "required", "polling a " + draft.adapter()
              + " warehouse needs " + String.join(", ", draft.adapter().pollCredentials())));
        }
      }
    }
    if (draft.countRequestUrl() != null && draft.adapter() != AdapterType.STANDARD_WEBHOOKS) {
      errors.add(countRequestsNotAllowed(draft.adapter()));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The warehouse's settings contradict its adapter", errors);
    }
  }

  @WithSession
  public Uni<WarehouseView> find(String sellerId, UUID id) {
    return load(sellerId, id).chain(warehouse -> views(List.of(warehouse)).map(views -> views.get(0)));
  }

  @WithSession
  public Uni<Page<WarehouseView>> list(String sellerId, AdapterType adapter, String cursor, int limit) {
    return repository.page(sellerId, adapter, PageCursor.decode(cursor), limit + 1).chain(rows -> {
      boolean more = rows.size() > limit;
      List<WarehouseConnection> shown = more ? rows.subList(0, limit) : rows;
      String next = more ? new PageCursor(shown.get(limit - 1).createdAt, shown.get(limit - 1).id).encode() : null;
      return views(shown).map(views -> new Page<>(views, next));
    });
  }

  /** Views with each warehouse's last sync, in one query for the lot. */
  private Uni<List<WarehouseView>> views(List<WarehouseConnection> warehouses) {
    return syncWatch.lastSync(warehouses).map(last -> warehouses.stream()
        .map(w -> WarehouseView.of(w, config.publicUrl(), null, last.get(w.id), syncWatch.state(w, last.get(w.id))))
        .toList());
  }

  /** A new webhook secret, shown once; the previous one keeps verifying until the overlap ends. */
  @WithTransaction
  public Uni<WebhookSecrets.Rotation> rotateSecret(String sellerId, UUID id) {
    return load(sellerId, id).chain(warehouse -> {
      if (!warehouse.adapter.receivesWebhooks()) {
        throw ProblemException.conflict(GatewayProblem.WEBHOOKS_NOT_ACCEPTED, warehouse.adapter + " warehouses have no webhook secret");
      }
      return secrets.rotate(id).invoke(() -> senders.forget(id));
    });
  }

  /** The warehouse's inbox, oldest first. */
  @WithSession
  public Uni<Page<InboundEventView>> events(String sellerId, UUID id, InboundEventStatus status, String cursor,
      int limit) {
    return load(sellerId, id).chain(warehouse -> inbox.page(sellerId, id, status, PageCursor.decode(cursor), limit + 1))
        .map(rows -> Page.of(rows, limit, e -> new PageCursor(e.createdAt, e.id), InboundEventView::of));
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes a polled warehouse due now; the next scheduler tick polls it. */
  @WithTransaction
  public Uni<WarehouseView> pollNow(String sellerId, UUID id) {
    return load(sellerId, id).chain(warehouse -> {
      if (!warehouse.enabled || warehouse.pollIntervalSeconds == null) {
        throw ProblemException.conflict(GatewayProblem.NOT_POLLED, "This warehouse is " + (warehouse.enabled ? "not polled" : "disabled"));
      }
      warehouse.nextPollAt = clock.now();
      return views(List.of(warehouse)).map(views -> views.get(0));
    });
  }

  /** Where the partner takes count requests (CNT-1): only a STANDARD_WEBHOOKS partner takes them; null clears it. */
  @WithTransaction
  public Uni<WarehouseView> setCountRequestUrl(String sellerId, UUID id, String url) {
    return load(sellerId, id).map(warehouse -> {
      if (url != null && warehouse.adapter != AdapterType.STANDARD_WEBHOOKS) {
        throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Only STANDARD_WEBHOOKS partners take "
            + "count requests", List.of(countRequestsNotAllowed(warehouse.adapter)));
      }
      warehouse.countRequestUrl = url;
      return warehouse;
    }).chain(warehouse -> views(List.of(warehouse)).map(views -> views.get(0)));
  }

  private static FieldError countRequestsNotAllowed(AdapterType adapter) {
    return new FieldError("countRequestUrl", "not_allowed", "only STANDARD_WEBHOOKS partners take count requests "
        + "in Stockbridge's vocabulary; count " + adapter + " warehouses by API or CSV");
  }

  /** Disabling stops polling and refuses webhooks; the history stays. Repeating it changes nothing. */
  @WithTransaction
  public Uni<WarehouseView> disable(String sellerId, UUID id) {
    return load(sellerId, id).map(warehouse -> {
      warehouse.enabled = false;
      senders.forget(id);
      return warehouse;
    }).chain(warehouse -> views(List.of(warehouse)).map(views -> views.get(0)));
  }

  private Uni<WarehouseConnection> load(String sellerId, UUID id) {
    return repository.findOwned(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Warehouse", id.toString()));
  }
}
