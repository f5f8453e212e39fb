// A webhook receiver for trying Stockbridge's outbound webhooks on your machine; needs only a JDK:
//
//   java deploy/local/WebhookReceiver.java whsec_... [port]
//
// It listens on http://127.0.0.1:<port>/hooks (9099 by default), checks each delivery's Standard Webhooks signature
// (HMAC-SHA256 of "webhook-id.webhook-timestamp.body" with the secret's base64 key) and timestamp (5 minutes either
// way), prints the event, and answers 204; a delivery that does not verify is answered 401 and is retried.

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

public class WebhookReceiver {
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !args[0].startsWith("whsec_")) {
      System.err.println("usage: java deploy/local/WebhookReceiver.java whsec_... [port]");
      System.exit(2);
    }
    byte[] key = Base64.getDecoder().decode(args[0].substring("whsec_".length()));
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 9099;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/hooks", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String id = header(exchange, "webhook-id");
      String timestamp = header(exchange, "webhook-timestamp");
      boolean valid = verifies(key, id, timestamp, body, header(exchange, "webhook-signature"));
      System.out.printf("%s %s %s%n  %s%n", valid ? "VERIFIED" : "REFUSED (bad signature or timestamp)", id,
          timestamp, new String(body, StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(valid ? 204 : 401, -1);
      exchange.close();
    });
    server.start();
    System.out.println("Waiting for deliveries on http://127.0.0.1:" + port + "/hooks (Ctrl-C stops)");
  }

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  private static boolean verifies(byte[] key, String id, String timestamp, byte[] body, String signatures) {
    try {
      if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
        return false;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      for (String entry : signatures.trim().split(" +")) {
        if (entry.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(3)))) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
