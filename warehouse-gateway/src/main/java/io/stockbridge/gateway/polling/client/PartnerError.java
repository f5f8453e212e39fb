package io.stockbridge.gateway.polling.client;

/** A partner's API answered with an error (or something that is not its API); the poll failed with this reason. */
public class PartnerError extends RuntimeException {
  public PartnerError(String reason) {
    super(reason, null, false, false);
  }
}
