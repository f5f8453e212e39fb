package io.stockbridge.catalog.connection.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A seller's authorisation of Stockbridge on one channel shop (rule CH-1), with its tokens sealed at rest.
 */
@Entity
@Table(name = "channel_connection")
public class ChannelConnection {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Channel channel;

  @Column(nullable = false)
  public String region;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ChannelConnectionStatus status;

  /** Why the status is what it is, in words the seller can act on. */
  @Column(name = "status_reason")
  public String statusReason;

  @Column(name = "shop_id")
  public String shopId;

  @Column(name = "shop_cipher")
  public String shopCipher;

  @Column(name = "shop_name")
  public String shopName;

  @Column(name = "open_id")
  public String openId;

  @Column(name = "granted_scopes")
  public String grantedScopes;

  /** Sealed with the platform's secret cipher; never returned. */
  @Column(name = "access_token")
  public String accessToken;

  @Column(name = "access_expires_at")
  public OffsetDateTime accessExpiresAt;

  /** Sealed with the platform's secret cipher; never returned. */
  @Column(name = "refresh_token")
  public String refreshToken;

  @Column(name = "refresh_expires_at")
  public OffsetDateTime refreshExpiresAt;

  /** SHA-256 of the authorisation state while the seller is on the channel's consent page. */
  @Column(name = "state_hash")
  public String stateHash;

  @Column(name = "state_expires_at")
  public OffsetDateTime stateExpiresAt;

  @Column(name = "last_refreshed_at")
  public OffsetDateTime lastRefreshedAt;

  /** When the channel said the seller's authorisation lapses (its upcoming-expiry notice); null without one. */
  @Column(name = "authorization_expires_at")
  public OffsetDateTime authorizationExpiresAt;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Version
  public long version;
}
