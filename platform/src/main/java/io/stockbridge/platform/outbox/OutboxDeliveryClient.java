package io.stockbridge.platform.outbox;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * Delivers outbox events under a timeout and a circuit breaker: a receiver that keeps failing is left alone for a
 * while instead of being hammered, and the events simply wait in the outbox.
 * <p>
 * A 4xx that retrying cannot cure is an answer, not a failure, so it does not open the breaker.
 */
@ApplicationScoped
public class OutboxDeliveryClient {
  private final OutboxDeliveryRestClient restClient;

  public OutboxDeliveryClient(@RestClient OutboxDeliveryRestClient restClient) {
    this.restClient = restClient;
  }

  @Timeout(value = 5, unit = ChronoUnit.SECONDS)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
  public Uni<DeliveryOutcome> deliver(String baseUrl, ClaimedEvent event) {
    String path = event.path().startsWith("/") ? event.path().substring(1) : event.path();
    return restClient.deliver(baseUrl, path, event.id().toString(), event.eventType(), event.sellerId(),
            event.payload())
        .map(response -> DeliveryOutcome.DELIVERED)
        .onFailure(OutboxDeliveryClient::isFinalRefusal).recoverWithItem(DeliveryOutcome.REJECTED);
  }

  /**
   * Delivers a batch; answers the receiver's response body (each event's status). Any failure of the request as a
   * whole, a refusal included, leaves every event of it for a retry: a receiver without the batch endpoint must not
   * make events vanish.
   */
  @Timeout(value = 30, unit = ChronoUnit.SECONDS)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
  public Uni<String> deliverBatch(String baseUrl, String batchPath, String events) {
    String path = batchPath.startsWith("/") ? batchPath.substring(1) : batchPath;
    return restClient.deliverBatch(baseUrl, path, "batch", events);
  }

  /** The receiver's answer for one event of a batch, by its HTTP-style status. */
  static DeliveryOutcome outcomeOf(int status) {
    if (status >= 200 && status < 300) {
      return DeliveryOutcome.DELIVERED;
    }
    return status >= 400 && status < 500 && status != 408 && status != 429 ? DeliveryOutcome.REJECTED
        : DeliveryOutcome.RETRY;
  }

  private static boolean isFinalRefusal(Throwable failure) {
    if (failure instanceof WebApplicationException wae) {
      int status = wae.getResponse().getStatus();
      return status >= 400 && status < 500 && status != 408 && status != 429;
    }
    return false;
  }
}
