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
    String url = as(adminToken).body("{\"channel\":\"TIKTOK_SHOP\",\"region\":\"US\"}").post("/v1/channel-connections")
        .then().statusCode(201).extract().path("authorizationUrl");
    return complete(url);
  }

  /** Follows an authorisation URL (new or re-authorisation) through consent and callback. */
  public static String complete(String authorizationUrl) throws Exception {
    Map<String, String> back = consent(authorizationUrl);
    return given().queryParam("state", back.get("state")).queryParam("code", back.get("code"))
        .get("/v1/channel-connections/callback").then().statusCode(200)
        .body("status", equalTo("ACTIVE")).extract().path("id");
  }
}
