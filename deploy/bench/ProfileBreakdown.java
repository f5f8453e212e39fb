import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU went during a Java Flight Recorder recording: each execution sample goes to the layer of the
 * innermost frame that belongs to one (JDK frames such as HashMap.get count for the library that called them), so
 * "JSON" means the thread was parsing or writing JSON at that instant. The router's handlers (the OIDC extension's
 * among them) are ancestors of every request's frames, so the HTTP layer names them before the token check could.
 * Used by deploy/bench/profile.
 *
 *   java deploy/bench/ProfileBreakdown.java recording.jfr
 */
public class ProfileBreakdown {
  private static final String OTHER = "other (JDK, Vert.x core)";
  private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put("token check (OIDC, jose4j, RSA)",
        List.of("io.quarkus.oidc", "org.jose4j", "sun.security", "java.math.BigInteger"));
    LAYERS.put("SQL client (Vert.x PostgreSQL client)", List.of("io.vertx.pgclient", "io.vertx.sqlclient"));
    LAYERS.put("validation (Hibernate Validator)", List.of("org.hibernate.validator"));
    LAYERS.put("Hibernate Reactive / ORM", List.of("org.hibernate."));
    LAYERS.put("JSON (Jackson)", List.of("com.fasterxml.jackson"));
    LAYERS.put("Stockbridge code", List.of("io.stockbridge"));
    LAYERS.put("HTTP (Netty, Vert.x HTTP, RESTEasy Reactive, REST client)",
        List.of("io.netty", "io.vertx.core.http", "io.vertx.core.net", "io.vertx.ext.web", "io.quarkus.vertx.http",
            "org.jboss.resteasy", "io.quarkus.rest", "io.quarkus.resteasy"));
    LAYERS.put("context propagation, CDI, Mutiny", List.of("io.smallrye.context", "io.quarkus.arc", "io.smallrye.mutiny"));
    LAYERS.put("logging, metrics, tracing",
        List.of("org.jboss.logmanager", "org.jboss.logging", "io.micrometer", "io.opentelemetry"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    LAYERS.keySet().forEach(layer -> counts.put(layer, 0));
    counts.put(OTHER, 0);
    Map<String, Integer> threads = new TreeMap<>();
    int samples = 0;
    double jvmCpu = 0;
    double machineCpu = 0;
    int loads = 0;
    double gcPauseMillis = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.CPULoad")) {
        jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
        machineCpu += event.getFloat("machineTotal");
        loads++;
        continue;
      }
      if (type.equals("jdk.GarbageCollection")) {
        gcPauseMillis += event.getDuration("sumOfPauses").toNanos() / 1e6;
        continue;
      }
      if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      samples++;
      String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
      counts.merge(layerOf(event.getStackTrace().getFrames()), 1, Integer::sum);
    }
    if (loads > 0) {
      System.out.printf("CPU: this JVM %.0f %% of the machine, the machine %.0f %% busy (mean of %d readings)%n",
          100 * jvmCpu / loads, 100 * machineCpu / loads, loads);
    }
    System.out.printf("GC pauses: %.0f ms in all%n", gcPauseMillis);
    System.out.printf("%d execution samples, by the layer the thread was in:%n", samples);
    final int total = Math.max(1, samples);
    counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    System.out.println("by thread:");
    threads.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(5)
        .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }

  private static String layerOf(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) { // innermost first
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
        if (layer.getValue().stream().anyMatch(type::startsWith)) {
          return layer.getKey();
        }
      }
    }
    return OTHER;
  }
}
