package io.stockbridge.gateway.polling.client;

/** The partner asked us to slow down (4PX error 000017, HTTP 429): not retried now, not a circuit-breaker failure. */
public class RateLimited extends PartnerError {
  public RateLimited(String reason) {
    super(reason);
  }
}
