package io.stockbridge.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs a write at most once per (seller, scope, Idempotency-Key), in the caller's transaction.
 * <p>
 * The key row is inserted first: a concurrent repeat blocks on the unique index until the first transaction ends,
 * then either finds the committed result (and replays it) or, if the first rolled back, runs the write itself. The
 * result is stored in the same transaction as the state change, so there is never a result without its effect.
 */
@ApplicationScoped
public class IdempotentWrites {
  private static final int MAX_KEY_LENGTH = 255;
  private final ObjectMapper mapper;
  /**
   * Leaves absent (null or empty) fields out of a request's fingerprint, so that a retry stays the same request when
   * a newer version of the service adds an optional field to it.
   */
  private final ObjectMapper fingerprints;
  private final SuiteClock clock;

  public IdempotentWrites(ObjectMapper mapper, SuiteClock clock) {
    this.mapper = mapper;
    this.fingerprints = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    this.clock = clock;
  }

  /**
   * Call from a {@code @WithTransaction} method.
   *
   * @param request the request as received; a repeat with the same key and a different request is refused (422)
   */
  public <T> Uni<IdempotentResult<T>> once(String sellerId, String scope, String key, Object request,
      Class<T> resultType, Supplier<Uni<T>> write) {
    if (key == null) {
      return write.get().map(value -> new IdempotentResult<>(value, false));
    }
    validate(key);
    String fingerprint = fingerprint(request);
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into idempotency_record (seller_id, scope, idem_key, fingerprint, created_at) "
                + "values (:seller, :scope, :key, :fingerprint, :now) on conflict do nothing")
        .setParameter("seller", sellerId).setParameter("scope", scope).setParameter("key", key)
        .setParameter("fingerprint", fingerprint).setParameter("now", clock.now())
        .executeUpdate()
        .chain(inserted -> inserted == 1
            ? write.get().call(value -> session.createNativeQuery(
                    "update idempotency_record set result = :result "
                        + "where seller_id = :seller and scope = :scope and idem_key = :key")
                .setParameter("result", toJson(value)).setParameter("seller", sellerId)
                .setParameter("scope", scope).setParameter("key", key).executeUpdate())
                .map(value -> new IdempotentResult<>(value, false))
            : session.createNativeQuery(
                    "select fingerprint, result from idempotency_record "
                        + "where seller_id = :seller and scope = :scope and idem_key = :key", jakarta.persistence.Tuple.class)
                .setParameter("seller", sellerId).setParameter("scope", scope).setParameter("key", key)
                .getSingleResult()
                .map(row -> replay(new SqlRow(row), request, resultType))));
  }

  /** A key to claim for a request, in {@link #claimAll}. */
  public record Claim(String sellerId, String key, Object request) {
  }

  /** The result of a claimed key's write, for {@link #completeAll}. */
  public record Completion(String sellerId, String key, Object result) {
  }

  private static final String CLAIM_ALL = """
      insert into idempotency_record (seller_id, scope, idem_key, fingerprint, created_at)
      select seller_id, $1, idem_key, fingerprint, $5
      from unnest($2::text[], $3::text[], $4::text[]) as claim(seller_id, idem_key, fingerprint)
      order by seller_id, idem_key
      on conflict do nothing
      returning seller_id, idem_key""";
  private static final String COMPLETE_ALL = """
      update idempotency_record r set result = c.result
      from unnest($2::text[], $3::text[], $4::text[]) as c(seller_id, idem_key, result)
      where r.seller_id = c.seller_id and r.scope = $1 and r.idem_key = c.idem_key""";

  /**
   * The set-based form of {@link #once} for code working on a plain SQL connection: claims many keys in one
   * statement on {@code client}, the connection of the caller's transaction, and answers the claims that were new.
   * The caller writes those and records their results with {@link #completeAll} in the same transaction; a claim
   * that was not new belongs to an earlier or concurrent write, and the caller hands it to {@link #once}, after this
   * transaction, to be replayed or refused. Keys are claimed in a fixed order, so two such batches never deadlock.
   */
  public Uni<Set<Claim>> claimAll(SqlClient client, String scope, List<Claim> claims) {
    if (claims.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    claims.forEach(claim -> validate(claim.key()));
    Tuple values = Tuple.of(scope, claims.stream().map(Claim::sellerId).toArray(String[]::new),
        claims.stream().map(Claim::key).toArray(String[]::new),
        claims.stream().map(claim -> fingerprint(claim.request())).toArray(String[]::new), clock.now());
    return client.preparedQuery(CLAIM_ALL).execute(values).map(rows -> {
      Set<String> claimed = new HashSet<>();
      rows.forEach(row -> claimed.add(row.getString(0) + "\n" + row.getString(1)));
      Set<Claim> fresh = new HashSet<>();
      claims.stream().filter(claim -> claimed.contains(claim.sellerId() + "\n" + claim.key())).forEach(fresh::add);
      return fresh;
    });
  }

  /** Records the results of keys claimed with {@link #claimAll}, in one statement on the same connection. */
  public Uni<Void> completeAll(SqlClient client, String scope, List<Completion> completions) {
    if (completions.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client.preparedQuery(COMPLETE_ALL).execute(Tuple.of(scope,
            completions.stream().map(Completion::sellerId).toArray(String[]::new),
            completions.stream().map(Completion::key).toArray(String[]::new),
            completions.stream().map(completion -> toJson(completion.result())).toArray(String[]::new)))
        .replaceWithVoid();
  }

  private <T> IdempotentResult<T> replay(SqlRow stored, Object request, Class<T> resultType) {
    if (!sameRequest(stored.text("fingerprint"), request)) {
      throw new ProblemException(422, CommonProblem.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
          "This Idempotency-Key was already used for a different request");
    }
    try {
      return new IdempotentResult<>(mapper.readValue(stored.text("result"), resultType), true);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored idempotent result is unreadable", e);
    }
  }

  private static void validate(String key) {
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ProblemException.badRequest(CommonProblem.INVALID_IDEMPOTENCY_KEY, "The Idempotency-Key header is not valid",
          List.of(new FieldError("Idempotency-Key", "invalid",
              "1 to " + MAX_KEY_LENGTH + " visible ASCII characters")));
    }
  }

  /**
   * Whether a stored fingerprint is this request's. Records written before fingerprints left absent fields out carry
   * the older form, which is accepted too, so their retries still replay after the upgrade.
   */
  boolean sameRequest(String storedFingerprint, Object request) {
    return storedFingerprint.equals(fingerprint(request))
        || storedFingerprint.equals(digest(toJson(request)));
  }

  String fingerprint(Object request) {
    try {
      return digest(fingerprints.writeValueAsString(request));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a request for its fingerprint", e);
    }
  }

  private static String digest(String json) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String toJson(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise an idempotent result", e);
    }
  }
}
