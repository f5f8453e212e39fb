package io.stockbridge.gateway.warehouse.service;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.config.GatewayConfig;
import io.stockbridge.platform.webhook.StandardWebhookSignature;
import io.stockbridge.platform.persistence.SqlRow;
import io.stockbridge.platform.secret.SecretCipher;
import io.stockbridge.platform.time.SuiteClock;

/**
 * A warehouse's webhook secrets: issued once (only the response that creates one shows it), stored sealed, and
 * rotated with an overlap during which the previous secret still verifies.
 */
@ApplicationScoped
public class WebhookSecrets {
  private final SecretCipher cipher;
  private final GatewayConfig config;
  private final SecureRandom random = new SecureRandom();
  private final SuiteClock clock;

  public WebhookSecrets(SecretCipher cipher, GatewayConfig config, SuiteClock clock) {
    this.cipher = cipher;
    this.config = config;
    this.clock = clock;
  }

  /** Issues a new current secret, in the caller's transaction; returns it in clear, to be shown once. */
  public Uni<String> issue(UUID warehouseId) {
    byte[] key = new byte[24];
    random.nextBytes(key);
    String secret = StandardWebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into webhook_secret (id, warehouse_id, sealed_secret, created_at) values (:id, :warehouse, :sealed, :now)")
        .setParameter("id", UUID.randomUUID()).setParameter("warehouse", warehouseId)
        .setParameter("sealed", cipher.seal(secret, context(warehouseId)))
        .setParameter("now", clock.now()).executeUpdate())
        .replaceWith(secret);
  }

  /**
   * Retires the current secret after the overlap and issues a new one; returns the new one and the overlap's end.
   * A secret still in an earlier overlap stops verifying now: at most two secrets verify at any time, so a bad
   * signature never costs more than two HMACs, however often the seller rotates.
   */
  public Uni<Rotation> rotate(UUID warehouseId) {
    OffsetDateTime now = clock.now();
    OffsetDateTime retiresAt = now.plus(config.webhooks().secretOverlap()).truncatedTo(ChronoUnit.SECONDS);
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update webhook_secret set retires_at = case when retires_at is null then cast(:retires as timestamptz) "
                + "else cast(:now as timestamptz) end "
                + "where warehouse_id = :warehouse and (retires_at is null or retires_at > :now)")
        .setParameter("retires", retiresAt).setParameter("now", now).setParameter("warehouse", warehouseId)
        .executeUpdate())
        .chain(() -> issue(warehouseId))
        .map(secret -> new Rotation(secret, retiresAt));
  }

  /** The secrets that verify right now (the current one and any still in their overlap), with their retirement. */
  public Uni<List<ValidSecret>> valid(UUID warehouseId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select sealed_secret, retires_at from webhook_secret where warehouse_id = :warehouse "
                + "and (retires_at is null or retires_at > :now)", Tuple.class)
        .setParameter("warehouse", warehouseId).setParameter("now", clock.now()).getResultList())
        .map(rows -> SqlRow.of(rows).stream().map(row -> new ValidSecret(
            cipher.open(row.text("sealed_secret"), context(warehouseId)),
            row.timestamp("retires_at") == null ? null : row.timestamp("retires_at").toInstant())).toList());
  }

  /** A secret in clear and when it stops verifying (null: the current one). */
  public record ValidSecret(String secret, java.time.Instant retiresAt) {
    public boolean validAt(java.time.Instant now) {
      return retiresAt == null || retiresAt.isAfter(now);
    }
  }

  private static String context(UUID warehouseId) {
    return "webhook-secret:" + warehouseId;
  }

  /** A rotated secret, shown once, and when the previous one stops verifying. */
  public record Rotation(String secret, OffsetDateTime previousValidUntil) {
  }
}
