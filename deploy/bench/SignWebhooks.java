import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Prints COUNT signed Standard Webhooks requests, one per line: "id timestamp signature body" (the body has no
 * spaces). Run with the JDK's source launcher: java SignWebhooks.java SECRET COUNT RUN
 */
public class SignWebhooks {
  public static void main(String[] args) throws Exception {
    byte[] key = Base64.getDecoder().decode(args[0].substring("whsec_".length()));
    int count = Integer.parseInt(args[1]);
    String run = args[2];
    long timestamp = System.currentTimeMillis() / 1000;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String id = run + "-" + i;
      String body = "{\"type\":\"inventory.levels\",\"data\":{\"items\":[{\"itemId\":\"BENCH-" + (i % 1000)
          + "\",\"inTransit\":0,\"qc\":0,\"frozen\":0,\"sellable\":" + (i % 97) + "}]}}";
      byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      out.append(id).append(' ').append(timestamp).append(" v1,")
          .append(Base64.getEncoder().encodeToString(signature)).append(' ').append(body).append('\n');
    }
    System.out.print(out);
  }
}
