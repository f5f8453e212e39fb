package io.stockbridge.gateway.polling.client;

/** A partner's API failed on its side (5xx): worth retrying, and a failure its circuit breaker counts. */
public class PartnerUnavailable extends RuntimeException {
  public PartnerUnavailable(String reason) {
    super(reason, null, false, false);
  }
}
