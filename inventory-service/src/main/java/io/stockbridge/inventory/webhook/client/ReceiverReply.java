package io.stockbridge.inventory.webhook.client;

/** What a receiver answered: its status, or no status and why there was none (refused, timed out). */
public record ReceiverReply(Integer status, String error) {

  public boolean delivered() {
    return status != null && status >= 200 && status < 300;
  }
}
