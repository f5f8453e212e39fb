package io.stockbridge.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

/**
 * One service as production runs it: its packaged application in its own JVM, configured by environment variables,
 * which a test can kill (as a crash would) and start again on the same port and database.
 */
final class ServiceProcess implements AutoCloseable {
  private final String name;
  private final Path application;
  private final Map<String, String> environment;
  private final List<String> systemProperties;
  private final int port;
  private final Path log;
  private Process process;

  ServiceProcess(String name, Map<String, String> environment, List<String> systemProperties) {
    this.name = name;
    this.application = Path.of("..", name, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
    if (!Files.isRegularFile(application)) {
      throw new IllegalStateException(application + " is missing: build the services first (./mvnw -B verify)");
    }
    this.environment = environment;
    this.systemProperties = systemProperties;
    this.port = freePort();
    // one log per process: two replicas of one service must not write into the same file
    this.log = Path.of("target", name + "-" + port + ".log").toAbsolutePath();
  }

  /**
   * A port free now, below Linux's ephemeral range (32768 and up): a port the system hands out itself can be taken
   * by any process's outgoing connection between this choice and the service binding it.
   */
  static int freePort() {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20000 + random.nextInt(12000);
      try (ServerSocket socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Starts the service and waits until it reports ready. */
  ServiceProcess start() {
    return launch().awaitReady();
  }

  /** Starts the service's JVM without waiting (several services boot at once). */
  ServiceProcess launch() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx192m");
    command.addAll(systemProperties);
    command.add("-jar");
    command.add(application.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Waits until the service reports ready on /q/health/ready. */
  ServiceProcess awaitReady() {
    awaitReady(Duration.ofSeconds(90));
    return this;
  }

  /** Kills the JVM at once (SIGKILL): nothing of the service's own shutdown runs, as in a crash. */
  void crash() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  private void awaitReady(Duration limit) {
    Awaitility.await(name + " ready (log: " + log + ")").atMost(limit).pollInterval(Duration.ofMillis(250))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(name + " stopped while starting; see " + log);
          }
          return answersReady();
        });
  }

  private boolean answersReady() {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      return connection.getResponseCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  File logFile() {
    return log.toFile();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
