package io.stockbridge.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonObject;

/**
 * A subscriber's endpoint on loopback, as an ERP would write one: it records every request and checks its Standard
 * Webhooks signature itself (HMAC-SHA256 of {@code id.timestamp.body} with the base64 key after {@code whsec_}),
 * independently of the suite's own signing code. It answers the statuses it is told to, in turn (200 once they
 * run out), or holds every request until it is closed.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as it arrived. */
  public record Received(String id, String timestamp, String signature, String body, int answered) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String type() {
      return json().getString("type");
    }

    public JsonObject data() {
      return json().getJsonObject("data");
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger arrivals = new AtomicInteger();
  private volatile boolean hanging;
  private volatile String secret;

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/hooks", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      arrivals.incrementAndGet();
      if (hanging) {
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Integer next = answers.poll();
      int status = next == null ? 200 : next;
      received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
          exchange.getRequestHeaders().getFirst("webhook-timestamp"),
          exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
      byte[] answer = (status == 200 ? "ok" : "receiver failing").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  public void secret(String secret) {
    this.secret = secret;
  }

  /** Answers these statuses to the next requests, in order. */
  public void answer(Integer... statuses) {
    answers.addAll(List.of(statuses));
  }

  /** Answers 200 from now on. */
  public void clearAnswers() {
    answers.clear();
  }

  /** Holds every request without answering until closed. */
  public void hang() {
    hanging = true;
  }

  /** Requests that arrived, answered or not. */
  public int arrivals() {
    return arrivals.get();
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  /** What was received with a valid signature and answered 2xx, of the given type. */
  public List<Received> accepted(String type) {
    return received().stream().filter(r -> r.answered() == 200 && verifies(r) && type.equals(r.type())).toList();
  }

  public boolean verifies(Received request) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      byte[] expected = mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
          .getBytes(StandardCharsets.UTF_8));
      for (String entry : request.signature().split(" ")) {
        if (entry.startsWith("v1,")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(3)))) {
          return Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(request.timestamp())) < 300;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
