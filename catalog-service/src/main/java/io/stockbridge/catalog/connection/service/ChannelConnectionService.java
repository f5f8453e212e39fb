package io.stockbridge.catalog.connection.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.connection.client.ChannelAuthClient;
import io.stockbridge.catalog.connection.client.ChannelCredentials;
import io.stockbridge.catalog.connection.client.ChannelRefusal;
import io.stockbridge.catalog.connection.client.ChannelTokens;
import io.stockbridge.catalog.connection.config.ChannelConfig;
import io.stockbridge.catalog.connection.repository.ChannelConnection;
import io.stockbridge.catalog.connection.repository.ChannelConnectionRepository;
import io.stockbridge.catalog.connection.repository.ChannelConnectionStatus;
import io.stockbridge.catalog.connection.rest.AuthorizationView;
import io.stockbridge.catalog.connection.rest.ChannelConnectionView;
import io.stockbridge.catalog.connection.rest.ConnectionDraft;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.secret.SecretCipher;

/**
 * Channel connections (rules CH-1..4): the seller consents on the channel, the code becomes tokens kept sealed, a
 * newer authorisation of the same shop replaces the older connection, and tokens are refreshed before they expire.
 * No HTTP call to the channel happens inside a database transaction.
 */
@ApplicationScoped
public class ChannelConnectionService {
  /** The channel's code for an app not authorised for the shop's channel (CH-4). */
  public static final int UNAUTHORIZED_CHANNEL_CODE = 40302;
  /** The problem code of a consent for a shop another seller holds. */
  public static final String SHOP_CONNECTED_ELSEWHERE = "SHOP_CONNECTED_TO_ANOTHER_SELLER";

  private final ChannelConnectionRepository connections;
  private final ChannelAuthClient channel;
  private final SecretCipher cipher;
  private final ChannelConfig config;
  private final SecureRandom random = new SecureRandom();

  public ChannelConnectionService(ChannelConnectionRepository connections, ChannelAuthClient channel,
      SecretCipher cipher, ChannelConfig config) {
    this.connections = connections;
    this.channel = channel;
    this.cipher = cipher;
    this.config = config;
  }

  @WithTransaction
  public Uni<AuthorizationView> create(String sellerId, ConnectionDraft draft) {
    if (!channel.configured()) {
      return Uni.createFrom().failure(ChannelAuthClient.notConfigured());
    }
    OffsetDateTime now = now();
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
        throw ProblemException.conflict("CONNECTION_REVOKED",
            "This connection was replaced or given up; make a new one with POST /v1/channel-connections");
      }
      String state = newState(connection, now());
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
      if (connection == null || connection.stateExpiresAt.isBefore(now())) {
        throw ProblemException.badRequest("INVALID_AUTHORIZATION_STATE",
            "This authorisation link is unknown, used or expired; start again from the connection",
            List.of(new FieldError("state", "invalid", "unknown, used or expired")));
      }
      // one use only: a replayed callback finds nothing
      connection.stateHash = null;
      connection.stateExpiresAt = null;
      connection.updatedAt = now();
      return connection.id;
    })).chain(id -> {
      if (channelError != null && !channelError.isBlank()) {
        return record(id, ChannelConnectionStatus.PENDING_AUTHORIZATION,
            "The seller did not consent on the channel (" + channelError + ")");
      }
      if (code == null || code.isBlank()) {
        throw ProblemException.badRequest("VALIDATION_FAILED", "The channel sent no code",
            List.of(new FieldError("code", "required", "the authorisation code")));
      }
      return channel.exchange(id, code)
          .onFailure(ChannelRefusal.class).call(refusal -> record(id, ChannelConnectionStatus.PENDING_AUTHORIZATION,
              "The channel refused the authorisation code: " + refusal.getMessage()))
          .onFailure(ChannelRefusal.class).transform(refusal -> new ProblemException(502, "CHANNEL_REFUSED",
              "Bad gateway", "The channel refused the authorisation: " + refusal.getMessage())
              .with("channelCode", ((ChannelRefusal) refusal).code()))
          .chain(tokens -> Panache.withTransaction(() -> connections.findById(id)
                  .call(connection -> refuseIfHeldElsewhere(connection, tokens.shopId()))
                  .invoke(connection -> store(connection, tokens, false))
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
   * Refreshes every active connection whose access token expires within the refresh window. A refusal puts the
   * connection in REAUTHORIZATION_REQUIRED with the channel's answer (CH-3); a failure of the channel leaves it for
   * the next round. Returns how many were refreshed.
   */
  public Uni<Integer> refreshDue() {
    OffsetDateTime now = now();
    return Panache.withTransaction(() -> connections.claimDueForRefresh(now.plus(config.refreshAhead()), now,
            now.plus(config.refreshLease()), 100))
        .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
        .onItem().transformToUniAndConcatenate(this::refreshOne)
        .collect().asList()
        .map(outcomes -> (int) outcomes.stream().filter(Boolean::booleanValue).count());
  }

  /** What a refresh read before it went to the channel: the connection is changed only if it still reads so. */
  private record ReadForRefresh(String refreshToken, OffsetDateTime updatedAt) {
  }

  private Uni<Boolean> refreshOne(UUID id) {
    return Panache.withSession(() -> connections.findById(id))
        .map(connection -> new ReadForRefresh(cipher.open(connection.refreshToken, context(connection, "refresh")),
            connection.updatedAt))
        .chain(read -> channel.refresh(id, read.refreshToken())
            .chain(tokens -> ifUnchanged(id, read, connection -> store(connection, tokens, true)))
            .onFailure(ChannelRefusal.class).recoverWithUni(refusal -> ifUnchanged(id, read, connection -> {
              connection.status = ChannelConnectionStatus.REAUTHORIZATION_REQUIRED;
              connection.statusReason = "The channel refused to refresh the tokens (" + ((ChannelRefusal) refusal).code()
                  + ": " + refusal.getMessage() + "); the seller must authorise again. Pushes wait until then.";
              connection.updatedAt = now();
            }).replaceWith(false)))
        .onFailure().recoverWithItem(failure -> {
          Log.warnf("Refreshing channel connection %s failed, will retry: %s", id, failure.getMessage());
          return false;
        });
  }

  /**
   * Compare-and-set: applies the refresh's outcome only to the connection as the refresh read it. Revoked,
   * re-consented, retired or otherwise changed meanwhile, the outcome is dropped (a re-consent's tokens win).
   */
  private Uni<Boolean> ifUnchanged(UUID id, ReadForRefresh read,
      java.util.function.Consumer<ChannelConnection> change) {
    return Panache.withTransaction(() -> connections.findById(id).map(connection -> {
      if (connection == null || connection.status != ChannelConnectionStatus.ACTIVE
          || !read.updatedAt().isEqual(connection.updatedAt)) {
        Log.infof("Channel connection %s changed while its tokens were refreshed; the refresh is dropped", id);
        return false;
      }
      change.accept(connection);
      return true;
    }));
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
      return new ChannelCredentials(id, connection.shopCipher, cipher.open(connection.accessToken,
          context(connection, "access")));
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

  private Uni<ChannelConnectionView> record(UUID id, ChannelConnectionStatus status, String reason) {
    return Panache.withTransaction(() -> connections.findById(id).map(connection -> {
      if (connection.status != ChannelConnectionStatus.REVOKED) {
        connection.status = status;
        connection.statusReason = reason;
        connection.updatedAt = now();
      }
      return ChannelConnectionView.of(connection);
    }));
  }

  private void store(ChannelConnection connection, ChannelTokens tokens, boolean refreshed) {
    OffsetDateTime now = now();
    connection.accessToken = cipher.seal(tokens.accessToken(), context(connection, "access"));
    connection.refreshToken = cipher.seal(tokens.refreshToken(), context(connection, "refresh"));
    connection.accessExpiresAt = tokens.accessExpiresAt();
    connection.refreshExpiresAt = tokens.refreshExpiresAt();
    if (!refreshed) {
      connection.shopId = tokens.shopId();
      connection.shopCipher = tokens.shopCipher();
      connection.shopName = tokens.shopName();
      connection.openId = tokens.openId();
      connection.grantedScopes = tokens.grantedScopes();
    }
    connection.status = ChannelConnectionStatus.ACTIVE;
    connection.statusReason = null;
    connection.lastRefreshedAt = refreshed ? now : connection.lastRefreshedAt;
    connection.updatedAt = now;
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
        throw ProblemException.conflict(SHOP_CONNECTED_ELSEWHERE, "Shop " + shopId + " is connected to another "
            + "seller of this platform; that seller must give its connection up before this one can take the shop");
      }
    }).replaceWithVoid();
  }

  private static boolean isHeldElsewhere(Throwable failure) {
    return failure instanceof ProblemException problem && SHOP_CONNECTED_ELSEWHERE.equals(problem.code());
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
          old.updatedAt = now();
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

  /** Binds a sealed token to its connection and kind, so a sealed value cannot be moved to another row. */
  private static String context(ChannelConnection connection, String kind) {
    return "channel-connection:" + connection.id + ":" + kind;
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

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
