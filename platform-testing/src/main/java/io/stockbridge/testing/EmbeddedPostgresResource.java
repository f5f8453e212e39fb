package io.stockbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for a service's tests: started once per test JVM from the binaries on the classpath (nothing
 * installed, no Docker), with a fresh database named after the service.
 * <p>
 * Set {@code STOCKBRIDGE_TEST_PG_URL} (e.g. {@code postgresql://user:pass@localhost:5432/postgres}) to use an
 * existing server instead; a fresh database is created on it too.
 * <p>
 * Arguments: {@code database} (required), the database to create.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
  public static final String EXTERNAL_SERVER_ENV = "STOCKBRIDGE_TEST_PG_URL";
  private static EmbeddedPostgres server;
  private String database = "stockbridge";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    String external = System.getenv(EXTERNAL_SERVER_ENV);
    Server target = external == null || external.isBlank() ? embedded() : Server.parse(external);
    String testDatabase = database + "_test";
    recreate(target, testDatabase);
    String hostPort = target.host() + ":" + target.port() + "/" + testDatabase;
    return Map.of(
        "quarkus.datasource.reactive.url", "postgresql://" + hostPort,
        "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort,
        "quarkus.datasource.username", target.user(),
        "quarkus.datasource.password", target.password());
  }

  private static synchronized Server embedded() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresResource::close));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
      }
    }
    return new Server("localhost", server.getPort(), "postgres", "postgres");
  }

  private static void recreate(Server target, String database) {
    String url = "jdbc:postgresql://" + target.host() + ":" + target.port() + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, target.user(), target.password())) {
      connection.createStatement().execute("drop database if exists " + database + " with (force)");
      connection.createStatement().execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the test database " + database, e);
    }
  }

  private static synchronized void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException ignored) {
        // the JVM is ending; the data directory is temporary anyway
      }
      server = null;
    }
  }

  @Override
  public void stop() {
    // one server serves every test class of this JVM; it stops with the JVM
  }

  private record Server(String host, int port, String user, String password) {
    static Server parse(String url) {
      URI uri = URI.create(url);
      String[] credentials = uri.getUserInfo() == null ? new String[] { "postgres", "" } : uri.getUserInfo().split(":", 2);
      return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), credentials[0],
          credentials.length > 1 ? credentials[1] : "");
    }
  }
}
