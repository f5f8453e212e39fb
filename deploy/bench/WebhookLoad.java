import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends signed Standard Webhooks at a fixed rate (an open-loop load: a slow answer does not slow the sender), one
 * item snapshot each, items LAT-0 .. LAT-(ITEMS-1) in turn with a rising sequence, and prints how many were
 * acknowledged and the acknowledgement latency. Run with the JDK's source launcher:
 *
 *   java WebhookLoad.java URL SECRET RATE SECONDS ITEMS RUN
 */
public class WebhookLoad {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int items = Integer.parseInt(args[4]);
    String run = args[5];
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> calls = Collections.synchronizedList(new ArrayList<>());
    int total = rate * seconds;
    AtomicInteger next = new AtomicInteger();
    long periodNanos = 1_000_000_000L / rate;
    ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    ticker.scheduleAtFixedRate(() -> {
      int i = next.getAndIncrement();
      if (i >= total) {
        return;
      }
      String id = run + "-" + i;
      long timestamp = System.currentTimeMillis() / 1000;
      String body = "{\"type\":\"inventory.levels\",\"data\":{\"items\":[{\"itemId\":\"LAT-" + (i % items)
          + "\",\"sequence\":\"" + (i + 1) + "\",\"inTransit\":0,\"qc\":0,\"frozen\":0,\"sellable\":" + (i % 97) + "}]}}";
      String signature = "v1," + Base64.getEncoder().encodeToString(
          macs.get().doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      long started = System.nanoTime();
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").header("webhook-id", id)
          .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
        if (error != null) {
          failed.incrementAndGet();
        } else if (response.statusCode() != 202) {
          refused.incrementAndGet();
        } else {
          latencies.add(System.nanoTime() - started);
        }
      }));
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
    Thread.sleep(seconds * 1000L + 200);
    ticker.shutdown();
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("sent %d at %d/s: acknowledged %d, refused %d, failed %d; ack latency p50 %.1f ms, p99 %.1f ms%n",
        Math.min(next.get(), total), rate, sorted.size(), refused.get(), failed.get(), percentile(sorted, 50),
        percentile(sorted, 99));
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
  }
}
