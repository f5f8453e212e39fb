package io.stockbridge.catalog.connection.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.connection.AuthorizationView;
import io.stockbridge.catalog.connection.ChannelConnectionView;
import io.stockbridge.catalog.connection.ConnectionDraft;
import io.stockbridge.catalog.connection.client.ChannelAuthClient;
import io.stockbridge.catalog.connection.client.ChannelCredentials;
import io.stockbridge.catalog.connection.client.ChannelRefusal;
import io.stockbridge.catalog.connection.config.ChannelConfig;
import io.stockbridge.catalog.connection.repository.ChannelConnection;
import io.stockbridge.catalog.connection.repository.ChannelConnectionRepository;
import io.stockbridge.catalog.connection.repository.ChannelConnectionStatus;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Channel connections (rules CH-1..4): the seller consents on the channel, the code becomes tokens kept sealed, a
 * newer authorisation of the same shop replaces the older connection, and a refusal of a signed call marks the
 * connection for the seller to act on. No HTTP call to the channel happens inside a database transaction.
 */
@ApplicationScoped
public class ChannelConnectionService {
  /** The channel's code for an app not authorised for the shop's channel (CH-4). */
  public static final int UNAUTHORIZED_CHANNEL_CODE = 40302;

  private final ChannelConnectionRepository connections;
  private final ChannelAuthClient channel;
  private final ChannelTokenVault vault;
  private final ChannelConfig config;
  private final SecureRandom random = new SecureRandom();
  private final SuiteClock clock;

  public ChannelConnectionService(ChannelConnectionRepository connections, ChannelAuthClient channel,
      ChannelTokenVault vault, ChannelConfig config, SuiteClock clock) {
    this.connections = connections;
    this.channel = channel;
    this.vault = vault;
    this.config = config;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<AuthorizationView> create(String sellerId, ConnectionDraft draft) {
    if (!channel.configured()) {
      return Uni.createFrom().failure(ChannelAuthClient.notConfigured());
    }
    OffsetDateTime now = clock.now();
    ChannelConnection connection = new ChannelConnection();
    connection.id = UUID.randomUUID();
    connection.sellerId = sellerId;
    connection.channel = draft.channel();
    connection.region = draft.region();
    connection.status = ChannelConnectionStatus.PENDING_AUTHORIZATION;
    connection.statusReason = "Waiting for the seller to consent on the channel";
    connection.createdAt = now;
    connection.updatedAt = now;
    String state = newState(connection, now);
    return connections.persist(connection).map(saved -> authorization(saved, state));
  }

  /** A new consent for an existing connection (after the channel refused its tokens, or to widen scopes). */
  @WithTransaction
  public Uni<AuthorizationView> reauthorize(String sellerId, UUID id) {
    return owned(sellerId, id).map(connection -> {
      if (connection.status == ChannelConnectionStatus.REVOKED) {
        throw ProblemException.conflict(CatalogProblem.CONNECTION_REVOKED,
            "This connection was replaced or given up; make a new one with POST /v1/channel-connections");
      }
      String state = newState(connection, clock.now());
      return authorization(connection, state);
    });
  }

  /**
   * The channel sent the seller back: exchanges the code for tokens (outside any transaction), then stores them and
   * retires any other connection of the same shop (CH-2).
   */
  public Uni<ChannelConnectionView> completeAuthorization(String state, String code, String channelError) {
    String stateHash = hash(state);
    return Panache.withTransaction(() -> connections.findByState(stateHash).map(connection -> {
      if (connection == null || connection.stateExpiresAt.isBefore(clock.now())) {
        throw ProblemException.badRequest(CatalogProblem.INVALID_AUTHORIZATION_STATE,
            "This authorisation link is unknown, used or expired; start again from the connection",
            List.of(new FieldError("state", "invalid", "unknown, used or expired")));
      }
      // one use only: a replayed callback finds nothing
      connection.stateHash = null;
      connection.stateExpiresAt = null;
      connection.updatedAt = clock.now();
      return connection.id;
    })).chain(id -> {
      if (channelError != null && !channelError.isBlank()) {
        return record(id, ChannelConnectionStatus.PENDING_AUTHORIZATION,
            "The seller did not consent on the channel (" + channelError + ")");
      }
      if (code == null || code.isBlank()) {
        throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The channel sent no code",
            List.of(new FieldError("code", "required", "the authorisation code")));
      }
      return channel.exchange(id, code)
          .onFailure(ChannelRefusal.class).call(refusal -> record(id, ChannelConnectionStatus.PENDING_AUTHORIZATION,
              "The channel refused the authorisation code: " + refusal.getMessage()))
          .onFailure(ChannelRefusal.class).transform(refusal -> new ProblemException(502, CatalogProblem.CHANNEL_REFUSED,
              "Bad gateway", "The channel refused the authorisation: " + refusal.getMessage())
              .with("channelCode", ((ChannelRefusal) refusal).code()))
          .chain(tokens -> Panache.withTransaction(() -> connections.findById(id)
                  .call(connection -> refuseIfHeldElsewhere(connection, tokens.shopId()))
                  .invoke(connection -> vault.store(connection, tokens, false, clock.now()))
                  .call(connection -> retireOthers(connection))
                  .map(ChannelConnectionView::of))
              .onFailure(ChannelConnectionService::isHeldElsewhere).call(held -> record(id,
                  ChannelConnectionStatus.PENDING_AUTHORIZATION, held.getMessage())));
    });
  }

  @WithSession
  public Uni<ChannelConnectionView> find(String sellerId, UUID id) {
    return owned(sellerId, id).map(ChannelConnectionView::of);
  }

  @WithSession
  public Uni<Page<ChannelConnectionView>> list(String sellerId, String cursor, int limit) {
    return connections.page(sellerId, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, row -> new PageCursor(row.createdAt, row.id), ChannelConnectionView::of));
  }

  /**
   * The opened credentials of an active connection, for a signed call; a connection that is not active fails with
   * {@link ConnectionNotActive}, which callers treat as "wait", not as an error of the work itself.
   */
  public Uni<ChannelCredentials> credentials(UUID id) {
    return Panache.withSession(() -> connections.findById(id)).map(connection -> {
      if (connection == null || connection.status != ChannelConnectionStatus.ACTIVE) {
        throw new ConnectionNotActive(id, connection == null ? null : connection.status,
            connection == null ? "no such connection" : connection.statusReason);
      }
      return new ChannelCredentials(id, connection.shopCipher, vault.accessToken(connection));
    });
  }

  /**
   * Records what a refusal of a signed call says about the connection: a 401 means the seller must authorise again
   * (CH-3), a 403 with 40302 that the app is not authorised for the channel (CH-4). Returns whether it was either.
   */
  public Uni<Boolean> noteRefusal(UUID id, ChannelRefusal refusal) {
    if (refusal.httpStatus() == 401) {
      return record(id, ChannelConnectionStatus.REAUTHORIZATION_REQUIRED, "The channel answered 401 ("
          + refusal.code() + ": " + refusal.getMessage() + "); the seller must authorise again. Pushes wait until"
          + " then.").replaceWith(true);
    }
    if (refusal.code() == UNAUTHORIZED_CHANNEL_CODE || refusal.httpStatus() == 403) {
      return record(id, ChannelConnectionStatus.UNAUTHORIZED_CHANNEL, "403 UNAUTHORIZED_CHANNEL ("
          + refusal.code() + ": " + refusal.getMessage() + "): the app is not authorised for this shop's channel."
          + " Pushes wait until the seller authorises it again.").replaceWith(true);
    }
    return Uni.createFrom().item(false);
  }

  /**
   * The channel says the seller removed the app (CH-3): the connection needs a new consent at once, before a push
   * fails on it. A connection already given up (REVOKED) stays so.
   */
  public Uni<ChannelConnectionView> deauthorized(UUID id) {
    return record(id, ChannelConnectionStatus.REAUTHORIZATION_REQUIRED, "The seller removed the app's "
        + "authorisation on the channel (deauthorization notice); the seller must authorise again. Pushes wait until"
        + " then.");
  }

  /** The channel says the seller's authorisation lapses at {@code expiresAt}: the seller is warned ahead (CH-3). */
  public Uni<Void> authorizationExpires(UUID id, OffsetDateTime expiresAt) {
    return Panache.withTransaction(() -> connections.findById(id).invoke(connection -> {
      connection.authorizationExpiresAt = expiresAt;
      connection.updatedAt = clock.now();
    })).replaceWithVoid();
  }

  private Uni<ChannelConnectionView> record(UUID id, ChannelConnectionStatus status, String reason) {
    return Panache.withTransaction(() -> connections.findById(id).map(connection -> {
      if (connection.status != ChannelConnectionStatus.REVOKED) {
        connection.status = status;
        connection.statusReason = reason;
        connection.updatedAt = clock.now();
      }
      return ChannelConnectionView.of(connection);
    }));
  }

  /**
   * A shop live under one seller never moves silently to another: the consent of a second seller is refused (the
   * first must give the connection up first), and no other seller's connection is touched.
   */
  private Uni<Void> refuseIfHeldElsewhere(ChannelConnection connection, String shopId) {
    if (shopId == null) {
      return Uni.createFrom().voidItem();
    }
    return connections.othersOfShop(connection.channel, shopId, connection.id).invoke(others -> {
      if (others.stream().anyMatch(other -> !other.sellerId.equals(connection.sellerId))) {
        throw ProblemException.conflict(CatalogProblem.SHOP_CONNECTED_TO_ANOTHER_SELLER, "Shop " + shopId
            + " is connected to another "
            + "seller of this platform; that seller must give its connection up before this one can take the shop");
      }
    }).replaceWithVoid();
  }

  private static boolean isHeldElsewhere(Throwable failure) {
    return failure instanceof ProblemException problem
        && CatalogProblem.SHOP_CONNECTED_TO_ANOTHER_SELLER.code().equals(problem.code());
  }

  /** CH-2: authorising a new integration for a shop removes the seller's old connection of it. */
  private Uni<Void> retireOthers(ChannelConnection connection) {
    if (connection.shopId == null) {
      return Uni.createFrom().voidItem();
    }
    return connections.othersOfShop(connection.channel, connection.shopId, connection.id).invoke(others -> others
        .stream().filter(old -> old.sellerId.equals(connection.sellerId)).forEach(old -> {
          old.status = ChannelConnectionStatus.REVOKED;
          old.statusReason = "Replaced by connection " + connection.id + ", a newer authorisation of shop "
              + connection.shopId;
          old.accessToken = null;
          old.refreshToken = null;
          old.updatedAt = clock.now();
        })).replaceWithVoid();
  }

  private String newState(ChannelConnection connection, OffsetDateTime now) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    connection.stateHash = hash(state);
    connection.stateExpiresAt = now.plus(config.stateTtl());
    connection.updatedAt = now;
    return state;
  }

  private AuthorizationView authorization(ChannelConnection connection, String state) {
    String url = config.authorizeUrl() + (config.authorizeUrl().contains("?") ? "&" : "?")
        + "app_key=" + encode(config.appKey().orElse("")) + "&state=" + encode(state)
        + "&redirect_uri=" + encode(config.redirectUri());
    return new AuthorizationView(ChannelConnectionView.of(connection), url, connection.stateExpiresAt);
  }

  private Uni<ChannelConnection> owned(String sellerId, UUID id) {
    return connections.findOwned(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Channel connection", id.toString()));
  }

  private static String hash(String state) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(state.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

}
