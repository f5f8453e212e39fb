package io.stockbridge.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A retry with the same Idempotency-Key must replay whatever version of the service answers it: the fingerprint
 * that tells "the same request" from "a different one" ignores fields the request does not set.
 */
class IdempotentWritesFingerprintTest {
  private final IdempotentWrites writes = new IdempotentWrites(new ObjectMapper(),
      new io.stockbridge.platform.time.SuiteClock(java.time.Clock.systemUTC()));

  /** An order before it had a quantity. */
  record OrderV0(String orderId) {
  }

  /** An order as an older version read it. */
  record OrderV1(String orderId, int quantity) {
  }

  /** The same order as a newer version reads it, with optional fields the client did not send. */
  record OrderV2(String orderId, int quantity, String note, List<String> tags) {
  }

  @Test
  void aRetryAcrossAnUpgradeThatAddedOptionalFieldsIsTheSameRequest() {
    assertThat(writes.fingerprint(new OrderV2("o-1", 3, null, List.of())))
        .isEqualTo(writes.fingerprint(new OrderV1("o-1", 3)));
  }

  @Test
  void aRequestThatDiffersInAnyValueIsAnotherRequest() {
    String original = writes.fingerprint(new OrderV2("o-1", 3, null, null));
    assertThat(writes.fingerprint(new OrderV2("o-1", 4, null, null))).isNotEqualTo(original);
    assertThat(writes.fingerprint(new OrderV2("o-1", 3, "gift", null))).isNotEqualTo(original);
    assertThat(writes.fingerprint(new OrderV2("o-1", 3, null, List.of("rush")))).isNotEqualTo(original);
    // a zero is a value, not an absence
    assertThat(writes.fingerprint(new OrderV1("o-1", 0))).isNotEqualTo(writes.fingerprint(new OrderV0("o-1")));
  }

  @Test
  void aRecordStoredBeforeTheUpgradeStillMatchesItsRetry() throws Exception {
    // what earlier versions stored: the digest of the request with its absent fields written as null
    String earlier = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
        new ObjectMapper().writeValueAsString(new OrderV2("o-1", 3, null, null))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(writes.sameRequest(earlier, new OrderV2("o-1", 3, null, null))).isTrue();
    assertThat(writes.sameRequest(earlier, new OrderV2("o-1", 4, null, null))).isFalse();
    assertThat(writes.sameRequest(writes.fingerprint(new OrderV1("o-1", 3)), new OrderV2("o-1", 3, null, null)))
        .isTrue();
  }
}
