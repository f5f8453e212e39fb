package io.stockbridge.local;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local stack's PostgreSQL: the same Maven Central binaries the tests use, with a data directory that survives
 * restarts. Creates the application role and one database per service if they are missing, prints a ready line,
 * and runs until the process is told to stop (then stops PostgreSQL cleanly).
 * <p>
 * Arguments: data directory, port, application user, application password, database names...
 */
public final class LocalPostgres {
  private LocalPostgres() {
  }

  public static void main(String[] args) throws IOException, SQLException, InterruptedException {
    if (args.length < 5) {
      System.err.println("usage: LocalPostgres <data-dir> <port> <user> <password> <database>...");
      System.exit(2);
    }
    File dataDirectory = new File(args[0]);
    int port = Integer.parseInt(args[1]);
    String user = args[2];
    String password = args[3];
    List<String> databases = List.of(args).subList(4, args.length);
    if (!dataDirectory.isDirectory() && !dataDirectory.mkdirs()) {
      throw new IOException("Cannot create " + dataDirectory);
    }

    // durable unless asked otherwise: what the services acknowledge must survive a crash here as in production
    // (the embedded server's own defaults turn fsync and synchronous_commit off)
    boolean nonDurable = "true".equalsIgnoreCase(System.getenv("STOCKBRIDGE_PG_NON_DURABLE"));
    String durable = nonDurable ? "off" : "on";
    // what each statement costs, for deploy/bench/statements; off by default (it is a profiler, not a feature)
    boolean statements = "true".equalsIgnoreCase(System.getenv("STOCKBRIDGE_PG_STAT_STATEMENTS"));
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (statements) {
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
    }
    EmbeddedPostgres postgres = builder
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("fsync", durable)
        .setServerConfig("synchronous_commit", durable)
        .setServerConfig("full_page_writes", durable)
        // lets the benchmarks time a change by its commit, not by a clock read inside its transaction
        .setServerConfig("track_commit_timestamp", "on")
        .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      stopped.countDown();
    }));

    try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
        Statement statement = connection.createStatement()) {
      if (!exists(statement, "select 1 from pg_roles where rolname = '" + user + "'")) {
        statement.execute("create role " + user + " login password '" + password.replace("'", "''") + "'");
      }
      if (statements) {
        statement.execute("create extension if not exists pg_stat_statements");
        statement.execute("grant pg_read_all_stats to " + user);
        statement.execute("grant execute on function pg_stat_statements_reset to " + user);
      }
      for (String database : databases) {
        if (!exists(statement, "select 1 from pg_database where datname = '" + database + "'")) {
          statement.execute("create database " + database + " owner " + user);
        }
      }
    }
    System.out.println("PostgreSQL ready on port " + port + " with databases " + databases + (nonDurable
        ? ", NON-DURABLE (fsync, synchronous_commit and full_page_writes off: STOCKBRIDGE_PG_NON_DURABLE=true)"
        : ", durable (fsync, synchronous_commit and full_page_writes on)"));
    System.out.flush();
    stopped.await();
  }

  private static boolean exists(Statement statement, String query) throws SQLException {
    try (ResultSet result = statement.executeQuery(query)) {
      return result.next();
    }
  }
}
