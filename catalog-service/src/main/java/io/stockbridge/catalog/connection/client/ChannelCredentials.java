package io.stockbridge.catalog.connection.client;

import java.util.UUID;

/** What a signed call to the channel needs of a connection: its shop and its opened access token. */
public record ChannelCredentials(UUID connectionId, String shopCipher, String accessToken) {
  @Override
  public String toString() {
    return "ChannelCredentials[connection=" + connectionId + "]";
  }
}
