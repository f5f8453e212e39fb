import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The far end of the webhook-to-channel bench: how long each accepted warehouse reading took to show on the channel.
 * It reads the readings the gateway accepted (a file of "event index TAB acceptance time in epoch seconds", from
 * WebhookLoad's rising quantities, so event i is item i % ITEMS with quantity 10,000 + (FIRST + i) / ITEMS) and the channel
 * sandbox's record of every quantity it accepted, with the time. A reading reached the channel when the channel first
 * accepted its quantity or a higher one for the item's SKU (a newer reading stands in for one coalesced away). It
 * waits until every item's last reading is there (or the wait runs out), then prints p50, p99, max and the count.
 *
 *   java ChannelReach.java ACCEPTED_FILE SANDBOX_UPDATES_URL SKU_PREFIX ITEMS FIRST [WAIT_SECONDS]
 */
public class ChannelReach {
  private static final Pattern ACCEPTED = Pattern.compile(
      "\\{\"acceptedAt\":(\\d+),\"skuId\":\"[^\"]*\",\"sellerSku\":\"([^\"]*)\",\"warehouseId\":\"[^\"]*\",\"quantity\":(\\d+)}");

  private record Shown(long at, long quantity) {
  }

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    URI updates = URI.create(args[1]);
    String prefix = args[2];
    int items = Integer.parseInt(args[3]);
    long first = Long.parseLong(args[4]);
    long waitSeconds = args.length > 5 ? Long.parseLong(args[5]) : 60;
    int readings = lines.size();
    int[] item = new int[readings];
    long[] quantity = new long[readings];
    double[] acceptedAt = new double[readings];
    long[] last = new long[items];
    Arrays.fill(last, -1);
    for (int r = 0; r < readings; r++) {
      String[] fields = lines.get(r).split("\t");
      long i = Long.parseLong(fields[0]);
      item[r] = (int) (i % items);
      quantity[r] = 10_000 + (first + i) / items;
      acceptedAt[r] = Double.parseDouble(fields[1]);
      last[item[r]] = Math.max(last[item[r]], quantity[r]);
    }

    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + waitSeconds * 1000;
    Map<Integer, List<Shown>> shown;
    int complete;
    do {
      shown = new HashMap<>();
      String body = http.send(HttpRequest.newBuilder(updates).GET().build(), HttpResponse.BodyHandlers.ofString())
          .body();
      Matcher m = ACCEPTED.matcher(body);
      while (m.find()) {
        String sku = m.group(2);
        if (sku != null && sku.startsWith(prefix)) {
          int k = Integer.parseInt(sku.substring(prefix.length()));
          shown.computeIfAbsent(k, key -> new ArrayList<>())
              .add(new Shown(Long.parseLong(m.group(1)), Long.parseLong(m.group(3))));
        }
      }
      complete = 0;
      for (int k = 0; k < items; k++) {
        long wanted = last[k];
        if (wanted < 0 || shown.getOrDefault(k, List.of()).stream().anyMatch(s -> s.quantity() >= wanted)) {
          complete++;
        }
      }
      if (complete < items) {
        Thread.sleep(500);
      }
    } while (complete < items && System.currentTimeMillis() < deadline);

    List<Double> latencies = new ArrayList<>();
    for (int r = 0; r < readings; r++) {
      long wanted = quantity[r];
      double from = acceptedAt[r] * 1000;
      // the earliest acceptance of this quantity or a higher one (quantities only rise, so it came after the reading)
      shown.getOrDefault(item[r], List.of()).stream().filter(s -> s.quantity() >= wanted)
          .mapToLong(Shown::at).min()
          .ifPresent(at -> latencies.add(at - from));
    }
    latencies.sort(Double::compare);
    int calls = shown.values().stream().mapToInt(List::size).sum();
    System.out.printf("  readings accepted %d, reached the channel (own quantity or a newer one) %d; the channel "
        + "accepted %d quantities for these SKUs; %d of %d items show their last reading%n", readings,
        latencies.size(), calls, complete, items);
    if (!latencies.isEmpty()) {
      System.out.printf("  accept -> channel: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(latencies, 0.5),
          percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
    }
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
