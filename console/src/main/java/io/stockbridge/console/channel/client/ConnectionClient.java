package io.stockbridge.console.channel.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** The seller's channel connections and their consent flow; bounded in time, never retried on a click. */
@ApplicationScoped
public class ConnectionClient {
  private final ConnectionApi api;

  public ConnectionClient(@RestClient ConnectionApi api) {
    this.api = api;
  }

  @Timeout(5_000)
  public Uni<List<Connection>> connections() {
    return api.list(200).map(page -> page.items());
  }

  /** Starts a new connection (CH-1): the consent URL to send the seller to. */
  @Timeout(5_000)
  public Uni<String> connect(String region) {
    return api.create(Map.of("channel", "TIKTOK_SHOP", "region", region)).map(Consent::authorizationUrl);
  }

  /** A new consent URL for an existing connection (CH-3). */
  @Timeout(5_000)
  public Uni<String> reauthorize(UUID connection) {
    return api.reauthorize(connection).map(Consent::authorizationUrl);
  }

  /** The channel sent the seller back: catalog-service exchanges the code and answers the connection. */
  @Timeout(15_000)
  public Uni<Connection> complete(String state, String code, String error) {
    return api.complete(state, code, error);
  }
}
