package io.stockbridge.gateway.polling.client;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The one non-blocking HTTP client the partner clients share. Partners' base URLs differ per style and deployment,
 * and fault tolerance is per warehouse (see the poller), so this is a plain client, not a typed REST client.
 */
@ApplicationScoped
public class WmsHttp {
  private final WebClient client;

  public WmsHttp(Vertx vertx) {
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(10_000).setIdleTimeout(60)
        .setUserAgent("stockbridge-warehouse-gateway"));
  }

  public WebClient client() {
    return client;
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
