import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends signed Standard Webhooks at a fixed rate (an open-loop load: a slow answer does not slow the sender), one
 * item snapshot each, items LAT-0 .. LAT-(ITEMS-1) in turn with a rising sequence, and prints how many were
 * acknowledged and the acknowledgement latency, measured from each request's scheduled send time (so a stalled
 * server cannot hide its queueing). It keeps a fixed set of keep-alive connections and pipelines on them, so that
 * the generator itself costs little CPU on a machine it shares with the system under test. Run with the JDK's
 * source launcher:
 *
 *   java WebhookLoad.java URL SECRET RATE SECONDS ITEMS RUN [CONNECTIONS] [FIRST]
 *
 * With FIRST, event i carries sequence FIRST + i + 1 and, with step = (FIRST + i) / ITEMS, the sellable quantity
 * 10,000 + step and 100,000 - step in transit: each reading of an item shows one more unit arrived, across runs that
 * continue where the last one stopped, so a reading's quantity tells which reading (or a newer one) the channel
 * shows. Arrivals explain every change, also when readings coalesce, so none opens a calibration task that would
 * withhold units (WH-4). Without FIRST, the sellable quantity cycles (i % 97) with nothing in transit.
 */
public class WebhookLoad {
  private record Sent(long scheduledNanos, byte[] request) {
  }

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int items = Integer.parseInt(args[4]);
    String run = args[5];
    int connections = args.length > 6 ? Integer.parseInt(args[6]) : 64;
    long first = args.length > 7 ? Long.parseLong(args[7]) : -1;
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));

    List<BlockingQueue<Sent>> outboxes = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Socket socket = new Socket(url.getHost(), url.getPort());
      socket.setTcpNoDelay(true);
      BlockingQueue<Sent> toWrite = new ArrayBlockingQueue<>(total);
      BlockingQueue<Sent> inFlight = new ArrayBlockingQueue<>(total);
      outboxes.add(toWrite);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
      Thread writer = new Thread(() -> {
        try {
          while (true) {
            Sent sent = toWrite.take();
            inFlight.put(sent);
            out.write(sent.request());
            out.flush();
          }
        } catch (InterruptedException | IOException e) {
          // the run is over or the connection broke; the reader counts what was lost
        }
      });
      Thread reader = new Thread(() -> {
        try {
          while (true) {
            int status = readResponse(in);
            Sent sent = inFlight.take();
            if (status == 202) {
              latencies[answered.getAndIncrement()] = System.nanoTime() - sent.scheduledNanos();
            } else {
              refused.incrementAndGet();
            }
            done.countDown();
          }
        } catch (InterruptedException | IOException e) {
          while (inFlight.poll() != null) {
            failed.incrementAndGet();
            done.countDown();
          }
        }
      });
      writer.setDaemon(true);
      reader.setDaemon(true);
      writer.start();
      reader.start();
    }

    String path = url.getRawPath();
    String hostHeader = url.getHost() + ":" + url.getPort();
    long start = System.nanoTime() + 50_000_000L;
    long period = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * period;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      String id = run + "-" + i;
      long timestamp = System.currentTimeMillis() / 1000;
      String body = "{\"type\":\"inventory.levels\",\"data\":{\"items\":[{\"itemId\":\"LAT-" + (i % items)
          + "\",\"sequence\":\"" + (first < 0 ? i + 1 : first + i + 1) + "\",\"inTransit\":"
          + (first < 0 ? 0 : 100_000 - (first + i) / items) + ",\"qc\":0,\"frozen\":0,"
          + "\"sellable\":" + (first < 0 ? i % 97 : 10_000 + (first + i) / items) + "}]}}";
      byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
      String signature = "v1," + Base64.getEncoder().encodeToString(
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      String head = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: application/json\r\n"
          + "webhook-id: " + id + "\r\nwebhook-timestamp: " + timestamp + "\r\nwebhook-signature: " + signature
          + "\r\nContent-Length: " + bodyBytes.length + "\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
      byte[] request = Arrays.copyOf(headBytes, headBytes.length + bodyBytes.length);
      System.arraycopy(bodyBytes, 0, request, headBytes.length, bodyBytes.length);
      outboxes.get(i % connections).add(new Sent(scheduled, request));
    }
    if (!done.await(120, TimeUnit.SECONDS)) {
      System.out.println("some requests were still unanswered after 120 s");
    }
    long[] sorted = Arrays.copyOf(latencies, answered.get());
    Arrays.sort(sorted);
    System.out.printf("sent %d at %d/s on %d connections: acknowledged %d, refused %d, failed %d; "
            + "ack latency (from the scheduled send) p50 %.1f ms, p99 %.1f ms%n",
        total, rate, connections, sorted.length, refused.get(), failed.get(), percentile(sorted, 50),
        percentile(sorted, 99));
    System.exit(0);
  }

  /** Reads one HTTP/1.1 response (status line, headers, a Content-Length body) and returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    String statusLine = readLine(in);
    if (statusLine == null) {
      throw new IOException("connection closed");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int length = 0;
    String line;
    while ((line = readLine(in)) != null && !line.isEmpty()) {
      if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.skipNBytes(length);
    return status;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) b);
    }
    return line.isEmpty() ? null : line.toString();
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }
}
