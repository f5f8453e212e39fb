package io.stockbridge.catalog.connection.client;

import java.time.OffsetDateTime;

/** What the channel's token endpoints grant, with its absolute expiry times. */
public record ChannelTokens(String accessToken, OffsetDateTime accessExpiresAt, String refreshToken,
    OffsetDateTime refreshExpiresAt, String openId, String shopId, String shopCipher, String shopName,
    String grantedScopes) {
}
