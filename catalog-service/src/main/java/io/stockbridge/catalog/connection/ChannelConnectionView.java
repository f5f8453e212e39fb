package io.stockbridge.catalog.connection;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.catalog.connection.repository.Channel;
import io.stockbridge.catalog.connection.repository.ChannelConnection;
import io.stockbridge.catalog.connection.repository.ChannelConnectionStatus;

@Schema(description = "A channel connection; its tokens are never shown")
public record ChannelConnectionView(UUID id, Channel channel, String region, ChannelConnectionStatus status,
    @Schema(description = "Why it is in this status, e.g. what the channel answered") String statusReason,
    String shopId, String shopName, OffsetDateTime accessTokenExpiresAt, OffsetDateTime refreshTokenExpiresAt,
    OffsetDateTime lastRefreshedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  public static ChannelConnectionView of(ChannelConnection connection) {
    return new ChannelConnectionView(connection.id, connection.channel, connection.region, connection.status,
        connection.statusReason, connection.shopId, connection.shopName, connection.accessExpiresAt,
        connection.refreshExpiresAt, connection.lastRefreshedAt, connection.createdAt, connection.updatedAt);
  }
}
