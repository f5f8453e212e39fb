package io.stockbridge.system;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.stockbridge.testing.ServiceAccountStub;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What every system test runs the services on: one PostgreSQL with a database per service, the OIDC test server
 * (which also grants the services' client-credentials tokens), and the environment the services share.
 */
final class Suite implements AutoCloseable {
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres postgres;
  private final OidcWiremockTestResource oidc;
  private final WireMockServer oidcServer;
  private final Map<String, String> environment;

  private Suite(Path dataDirectory, int port, EmbeddedPostgres postgres, OidcWiremockTestResource oidc,
      WireMockServer oidcServer, Map<String, String> environment) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.postgres = postgres;
    this.oidc = oidc;
    this.oidcServer = oidcServer;
    this.environment = environment;
  }

  /**
   * Makes the identity provider grant an ERP client's client-credentials request (its id and secret in the form, as
   * Keycloak takes them) with an erp-integration token for the seller; answers the token endpoint.
   */
  java.net.URI grantErpClient(String clientId, String clientSecret, String sellerId) {
    oidcServer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/erp/token")
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("client_id=" + clientId))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("client_secret=" + clientSecret))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"access_token\":\"" + io.stockbridge.testing.TestTokens.integration(sellerId, clientId)
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    return java.net.URI.create(oidcServer.baseUrl() + "/erp/token");
  }

  /**
   * Makes the identity provider's sign-in page (the OIDC test server's login form) sign in each named user with the
   * given access token, through the authorization-code flow: the form's username picks the code, and the token
   * endpoint exchanges that code for the user's tokens only when the request carries a PKCE code verifier.
   */
  void signInUsers(String clientId, Map<String, String> accessTokens) {
    accessTokens.forEach((user, accessToken) -> {
      oidcServer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
          com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/login"))
          .withQueryParam("username", com.github.tomakehurst.wiremock.client.WireMock.equalTo(user)).atPriority(1)
          .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(302)
              .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=code-of-" + user)
              .withTransformers("response-template")));
      oidcServer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
          com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/auth/realms/quarkus/token"))
          .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=authorization_code"))
          .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matching(
              "(.*&)?code=code-of-" + user + "(&.*)?"))
          .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code_verifier="))
          .atPriority(1)
          .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
              .withHeader("Content-Type", "application/json")
              .withBody("{\"access_token\":\"" + accessToken + "\",\"id_token\":\""
                  + io.stockbridge.testing.TestTokens.idToken(user, clientId)
                  + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}")));
    });
  }

  /**
   * PostgreSQL as production runs it, durable (the embedded server's defaults turn fsync and synchronous_commit off),
   * on a data directory and port that outlive a crash.
   */
  private static EmbeddedPostgres durable(Path dataDirectory, int port) throws java.io.IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on").start();
  }

  /** Kills PostgreSQL at once (SIGKILL to the server and every backend), as a crash of the database would. */
  void crashDatabase() throws Exception {
    long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> all = new ArrayList<>(server.descendants().toList());
    all.add(0, server);
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle process : all) {
      process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** Starts PostgreSQL again on the same data and port; it recovers from its write-ahead log. */
  void restartDatabase() throws Exception {
    // releases the embedded server's lock on the data directory; its stop finds nothing to stop
    postgres.close();
    postgres = durable(dataDirectory, port);
  }

  static Suite start(String... databases) throws Exception {
    Path dataDirectory = Files.createTempDirectory("stockbridge-system-pg");
    int port = ServiceProcess.freePort();
    EmbeddedPostgres postgres = durable(dataDirectory, port);
    try (Connection connection = connect(postgres, "postgres"); Statement statement = connection.createStatement()) {
      for (String name : databases) {
        statement.execute("create database " + name);
      }
    }
    OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    String keycloak = oidc.start().get("keycloak.url");
    WireMockServer[] server = new WireMockServer[1];
    oidc.inject((value, field) -> {
      if (value instanceof WireMockServer found) {
        server[0] = found;
      }
    });
    ServiceAccountStub.install(server[0], "stockbridge-services");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> common = new HashMap<>(Map.of(
        "STOCKBRIDGE_DB_HOST", "localhost", "STOCKBRIDGE_DB_PORT", Integer.toString(postgres.getPort()),
        "STOCKBRIDGE_DB_USER", "postgres", "STOCKBRIDGE_DB_PASSWORD", "postgres",
        "STOCKBRIDGE_OIDC_URL", keycloak + "/realms/quarkus", "STOCKBRIDGE_OIDC_CLIENT_SECRET", "secret",
        "STOCKBRIDGE_SECRETS_KEY", Base64.getEncoder().encodeToString(key),
        "QUARKUS_OTEL_SDK_DISABLED", "true", "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
    common.put("STOCKBRIDGE_OUTBOX_INITIAL_BACKOFF", "200ms");
    common.put("STOCKBRIDGE_OUTBOX_MAX_BACKOFF", "1s");
    // a crashed replica's claims expire after the lease; production's minute is shortened for the tests
    common.put("STOCKBRIDGE_OUTBOX_CLAIM_LEASE", "5s");
    return new Suite(dataDirectory, port, postgres, oidc, server[0], common);
  }

  /** The environment every service gets, plus the given pairs. */
  Map<String, String> environment(String... pairs) {
    Map<String, String> copy = new HashMap<>(environment);
    for (int i = 0; i < pairs.length; i += 2) {
      copy.put(pairs[i], pairs[i + 1]);
    }
    return copy;
  }

  List<List<String>> rows(String database, String sql) {
    try (Connection connection = connect(postgres, database); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row as a number; -1 when there is no row or it is null. */
  long number(String database, String sql) {
    List<List<String>> rows = rows(database, sql);
    return rows.isEmpty() || rows.get(0).get(0) == null ? -1 : Long.parseLong(rows.get(0).get(0));
  }

  /** Stops what a test started, in the order given, skipping what never started (a WireMock front is stopped). */
  static void stopAll(Object... running) throws Exception {
    for (Object started : running) {
      if (started instanceof WireMockServer front) {
        front.stop();
      } else if (started instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  static RequestSpecification as(String token, ServiceProcess service) {
    return given().baseUri(service.url()).auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static Connection connect(EmbeddedPostgres postgres, String name) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres",
        "postgres");
  }

  @Override
  public void close() throws Exception {
    oidc.stop();
    postgres.close();
    try (var paths = Files.walk(dataDirectory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
