package io.stockbridge.catalog.connection.client;

/**
 * The channel answered, and said no: a wrong or spent code, a revoked refresh token, an unauthorised app. Retrying
 * will not change the answer, so it is not a failure of the channel.
 */
public class ChannelRefusal extends RuntimeException {
  private final int httpStatus;
  private final int code;

  public ChannelRefusal(int httpStatus, int code, String message) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The channel's own error code, e.g. 36004006 (invalid refresh token) or 40302 (UNAUTHORIZED_CHANNEL). */
  public int code() {
    return code;
  }
}
