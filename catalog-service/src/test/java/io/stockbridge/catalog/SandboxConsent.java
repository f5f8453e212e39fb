package io.stockbridge.catalog;

import static io.restassured.RestAssured.given;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stockbridge.sandbox.channel.ChannelSandbox;

/** A seller connecting the channel sandbox's shop the way a browser does: consent, redirect, callback. */
public final class SandboxConsent {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SandboxConsent() {
  }

  /** The seller opens the consent URL; the channel redirects to our callback with a code and the state. */
  public static Map<String, String> consent(String authorizationUrl) throws Exception {
    HttpResponse<String> redirect = HTTP.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(redirect.statusCode()).isEqualTo(302);
    URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/v1/channel-connections/callback");
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : back.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  /** Connects the sandbox shop for the seller whose admin token is given; returns the ACTIVE connection's id. */
  public static String connect(String adminToken) throws Exception {
    return connect(adminToken, "US");
  }

  /** A connection of the sandbox's shop in {@code region} (the market its sales count in). */
  public static String connect(String adminToken, String region) throws Exception {
    var created = as(adminToken).body("{\"channel\":\"TIKTOK_SHOP\",\"region\":\"" + region + "\"}")
        .post("/v1/channel-connections").then().statusCode(201).extract();
    freeTheSandboxShop(created.path("connection.id"));
    return complete(created.path("authorizationUrl"));
  }

  /**
   * Every test seller consents the sandbox's one shop; a shop live under another seller is refused, so each test
   * starts with the shop given up by whichever seller of an earlier test held it (as that seller would have to).
   */
  public static void freeTheSandboxShop(String connectionId) {
    io.vertx.mutiny.sqlclient.Pool pool = io.quarkus.arc.Arc.container()
        .instance(io.vertx.mutiny.sqlclient.Pool.class).get();
    pool.preparedQuery("update channel_connection set status = 'REVOKED', status_reason = 'given up by its seller', "
            + "access_token = null, refresh_token = null where shop_id = $1 and status in ('ACTIVE', "
            + "'REAUTHORIZATION_REQUIRED') and seller_id <> (select seller_id from channel_connection where id = $2)")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(ChannelSandbox.DEFAULT_SHOP, java.util.UUID.fromString(connectionId)))
        .await().indefinitely();
  }

  /** Follows an authorisation URL (new or re-authorisation) through consent and callback. */
  public static String complete(String authorizationUrl) throws Exception {
    Map<String, String> back = consent(authorizationUrl);
    return given().queryParam("state", back.get("state")).queryParam("code", back.get("code"))
        .get("/v1/channel-connections/callback").then().statusCode(200)
        .body("status", equalTo("ACTIVE")).extract().path("id");
  }
}
