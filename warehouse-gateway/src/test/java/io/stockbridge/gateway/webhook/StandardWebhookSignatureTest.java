package io.stockbridge.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.stockbridge.platform.webhook.StandardWebhookSignature;

class StandardWebhookSignatureTest {
  // the example of the Standard Webhooks specification's reference libraries
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330L;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  void signsLikeTheSpecificationsExample() {
    assertThat(StandardWebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void acceptsAnyMatchingEntryAndNothingElse() {
    assertThat(StandardWebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, BODY, "v1,bm90IGl0 " + EXPECTED)).isTrue();
    assertThat(StandardWebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP + 1, BODY, EXPECTED)).isFalse();
    assertThat(StandardWebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, "{}".getBytes(StandardCharsets.UTF_8),
        EXPECTED)).isFalse();
    assertThat(StandardWebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, BODY, "v2," + EXPECTED.substring(3))).isFalse();
    assertThat(StandardWebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, BODY, "v1,%%%not-base64")).isFalse();
    assertThat(StandardWebhookSignature.verify(List.of(), ID, TIMESTAMP, BODY, EXPECTED)).isFalse();
  }
}
