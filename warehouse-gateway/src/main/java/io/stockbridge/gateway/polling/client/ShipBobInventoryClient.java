package io.stockbridge.gateway.polling.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.polling.config.PollingConfig;
import io.stockbridge.gateway.warehouse.repository.AdapterType;

/**
 * ShipBob inventory levels, API version 2026-01: {@code GET /2026-01/inventory-level?PageSize=250}, a personal access
 * token as Bearer (credential {@code token}); each page is {@code {"items": [...], "next": "<path or URL of the next
 * page>"}}, followed until {@code next} is empty. Levels carry no version: each is keyed by the fetch time.
 */
@ApplicationScoped
public class ShipBobInventoryClient implements WmsPollClient {
  static final String PATH = "/2026-01/inventory-level";
  private static final int PAGE_SIZE = 250;

  private final WmsHttp http;
  private final PollingConfig config;
  private final ObjectMapper mapper;

  public ShipBobInventoryClient(WmsHttp http, PollingConfig config, ObjectMapper mapper) {
    this.http = http;
    this.config = config;
    this.mapper = mapper;
  }

  @Override
  public AdapterType adapter() {
    return AdapterType.SHIPBOB;
  }

  @Override
  public Uni<List<PolledItem>> fetch(PollTarget target, Collection<String> mappedItems, OffsetDateTime fetchedAt) {
    String token = target.credential("token");
    return page(PATH + "?PageSize=" + PAGE_SIZE, token, fetchedAt, new ArrayList<>(), 1);
  }

  private Uni<List<PolledItem>> page(String next, String token, OffsetDateTime fetchedAt, List<PolledItem> items,
      int pageNumber) {
    if (pageNumber > config.maxPages()) {
      return Uni.createFrom().failure(new PartnerError("ShipBob returned more than " + config.maxPages() + " pages"));
    }
    String url;
    try {
      url = pinnedToShipBob(next);
    } catch (PartnerError refused) {
      return Uni.createFrom().failure(refused);
    }
    return http.client().getAbs(url).putHeader("Authorization", "Bearer " + token)
        .putHeader("Accept", "application/json").send()
        .chain(response -> {
          WmsPollClient.checkStatus("ShipBob", response.statusCode());
          JsonNode page = read(response.bodyAsString());
          page.path("items").forEach(level -> items.add(new PolledItem(level.path("inventory_id").asText(),
              "poll:" + fetchedAt.toInstant().toEpochMilli() + ":" + level.path("inventory_id").asText(),
              level.toString())));
          String following = page.path("next").asText("");
          return following.isBlank() ? Uni.createFrom().item(items)
              : page(following, token, fetchedAt, items, pageNumber + 1);
        });
  }

  /**
   * The page's URL on the configured ShipBob host: a relative {@code next} is resolved against it, an absolute one
   * must point there (scheme, host and port), so the seller's token never goes to a host a page names.
   */
  String pinnedToShipBob(String next) {
    java.net.URI base = java.net.URI.create(config.shipbobUrl());
    java.net.URI target;
    try {
      target = next.startsWith("http://") || next.startsWith("https://") ? new java.net.URI(next)
          : new java.net.URI(config.shipbobUrl() + (next.startsWith("/") ? "" : "/") + next);
    } catch (java.net.URISyntaxException e) {
      throw new PartnerError("ShipBob's next page is not a URL: " + e.getMessage());
    }
    if (!base.getScheme().equalsIgnoreCase(target.getScheme()) || !base.getHost().equalsIgnoreCase(target.getHost())
        || base.getPort() != target.getPort() || target.getRawUserInfo() != null) {
      throw new PartnerError("ShipBob's next page points away from " + base.getScheme() + "://" + base.getAuthority()
          + "; not followed with the seller's token");
    }
    return target.toString();
  }

  private JsonNode read(String body) {
    JsonNode page = WmsPollClient.json(mapper, "ShipBob", body);
    if (!page.path("items").isArray()) {
      throw new PartnerError("ShipBob's answer has no items array");
    }
    return page;
  }
}
