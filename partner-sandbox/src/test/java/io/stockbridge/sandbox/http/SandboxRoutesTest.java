package io.stockbridge.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The simulated APIs' routing table: method and path template to handler, first match wins. */
class SandboxRoutesTest {
  private static SandboxRequest request(String method, String path) {
    return new SandboxRequest(method, path, "", Map.of(), "");
  }

  private final SandboxRoutes<String> routes = new SandboxRoutes<String>()
      .on("GET", "/products/{id}", (shop, request, segments) -> SandboxResponse.json(200,
          Map.of("shop", shop, "id", segments.get(0))))
      .on("POST", "/products/{id}/inventory/update", (shop, request, segments) -> SandboxResponse.json(201,
          Map.of("id", segments.get(0))))
      .on("POST", "/products/search", (shop, request, segments) -> SandboxResponse.json(202, Map.of()));

  @Test
  void aTemplateSegmentMatchesOneSegmentAndIsHandedToTheHandler() throws Exception {
    Optional<SandboxResponse> answer = routes.dispatch("shop-1", request("GET", "/products/42"), "/products/42");
    assertThat(answer).hasValueSatisfying(response -> {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).contains("\"id\":\"42\"").contains("\"shop\":\"shop-1\"");
    });
    assertThat(routes.dispatch("shop-1", request("GET", "/products/42/more"), "/products/42/more")).isEmpty();
  }

  @Test
  void theMethodMustMatchAndLiteralPathsAreNotTakenForSegments() throws Exception {
    assertThat(routes.dispatch(null, request("DELETE", "/products/42"), "/products/42")).isEmpty();
    assertThat(routes.dispatch(null, request("POST", "/products/search"), "/products/search"))
        .hasValueSatisfying(response -> assertThat(response.status()).isEqualTo(202));
    assertThat(routes.dispatch(null, request("POST", "/products/7/inventory/update"), "/products/7/inventory/update"))
        .hasValueSatisfying(response -> assertThat(response.body()).contains("\"id\":\"7\""));
  }

  @Test
  void templateTextIsLiteralNotARegularExpression() throws Exception {
    SandboxRoutes<Void> dotted = new SandboxRoutes<Void>()
        .on("GET", "/v1.0/items", (none, request, segments) -> SandboxResponse.json(200, Map.of()));
    assertThat(dotted.dispatch(null, request("GET", "/v1.0/items"), "/v1.0/items")).isPresent();
    assertThat(dotted.dispatch(null, request("GET", "/v1x0/items"), "/v1x0/items")).isEmpty();
  }
}
