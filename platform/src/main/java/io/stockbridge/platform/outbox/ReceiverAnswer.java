package io.stockbridge.platform.outbox;

/**
 * The receiver's answer to one event, as the dispatcher records it.
 *
 * @param outcome what to do with the event now
 * @param status  the HTTP (or batch item) status the receiver answered; null when it gave none (timeout, network)
 * @param code    the problem's stable code, when the receiver gave one
 * @param detail  the receiver's words, or what went wrong on the way
 * @param reached whether the attempt reached the receiver at all; one its open circuit breaker held back did not
 */
public record ReceiverAnswer(DeliveryOutcome outcome, Integer status, String code, String detail, boolean reached) {

  ReceiverAnswer(DeliveryOutcome outcome, Integer status, String code, String detail) {
    this(outcome, status, code, detail, true);
  }

  static ReceiverAnswer delivered(int status) {
    return new ReceiverAnswer(DeliveryOutcome.DELIVERED, status, null, null);
  }

  /** No answer at all: the request failed on the way or timed out. */
  static ReceiverAnswer none(String detail) {
    return new ReceiverAnswer(DeliveryOutcome.RETRY, null, null, detail);
  }

  /** A failed attempt: a 5xx keeps the receiver's status, a timeout or network failure has none. */
  static ReceiverAnswer failed(int attempt, Throwable failure) {
    if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
      return new ReceiverAnswer(DeliveryOutcome.RETRY, null, null,
          "delivery attempt " + attempt + " held back: the receiver's circuit breaker is open", false);
    }
    Integer status = failure instanceof jakarta.ws.rs.WebApplicationException wae
        ? wae.getResponse().getStatus() : null;
    return new ReceiverAnswer(DeliveryOutcome.RETRY, status, null,
        "delivery attempt " + attempt + " failed: " + failure.getMessage());
  }

  /**
   * The outcome of a status and problem: 2xx delivered; 408, 429, 5xx and a problem marked {@code retryable}
   * ("I do not know this SKU yet") retried; any other 4xx final.
   */
  static ReceiverAnswer of(int status, String code, String detail, boolean retryable) {
    DeliveryOutcome outcome;
    if (status >= 200 && status < 300) {
      outcome = DeliveryOutcome.DELIVERED;
    } else if (status >= 400 && status < 500 && status != 408 && status != 429 && !retryable) {
      outcome = DeliveryOutcome.DEAD;
    } else {
      outcome = DeliveryOutcome.RETRY;
    }
    return new ReceiverAnswer(outcome, status, code, detail);
  }

  /** How the answer reads in the event's record: "422 UNKNOWN_SKU_OR_WAREHOUSE: ...". */
  String describe() {
    StringBuilder text = new StringBuilder();
    if (status != null) {
      text.append(status);
    }
    if (code != null) {
      text.append(text.isEmpty() ? "" : " ").append(code);
    }
    if (detail != null) {
      text.append(text.isEmpty() ? "" : ": ").append(detail);
    }
    return text.toString();
  }
}
