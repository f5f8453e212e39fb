package io.stockbridge.platform.outbox;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Delivers outbox events under a timeout and a circuit breaker: a receiver that keeps failing is left alone for a
 * while instead of being hammered, and the events simply wait in the outbox.
 * <p>
 * Every 4xx is an answer, not a failure, so it never opens the breaker: one seller's events that a receiver refuses
 * or cannot place yet must not stop every other seller's deliveries to that receiver.
 */
@ApplicationScoped
public class OutboxDeliveryClient {
  private final OutboxDeliveryRestClient restClient;
  private final ObjectMapper mapper;

  public OutboxDeliveryClient(@RestClient OutboxDeliveryRestClient restClient, ObjectMapper mapper) {
    this.restClient = restClient;
    this.mapper = mapper;
  }

  @Timeout(value = 5, unit = ChronoUnit.SECONDS)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
  public Uni<ReceiverAnswer> deliver(String baseUrl, ClaimedEvent event) {
    String path = event.path().startsWith("/") ? event.path().substring(1) : event.path();
    return restClient.deliver(baseUrl, path, event.id().toString(), event.eventType(), event.sellerId(),
            event.payload())
        .map(response -> ReceiverAnswer.delivered(response.getStatus()))
        .onFailure(OutboxDeliveryClient::isClientError).recoverWithItem(failure -> answerOf(
            ((WebApplicationException) failure).getResponse()));
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

  /** A 4xx as the receiver meant it: its problem's code, detail and whether it may succeed later. */
  private ReceiverAnswer answerOf(Response response) {
    String code = null;
    String detail = null;
    boolean retryable = false;
    try {
      JsonNode problem = mapper.readTree(response.readEntity(String.class));
      if (problem != null && problem.isObject()) {
        code = problem.path("code").asText(null);
        detail = problem.path("detail").asText(null);
        retryable = problem.path("retryable").asBoolean(false);
      }
    } catch (RuntimeException | java.io.IOException e) {
      detail = "the refusal carried no readable problem document";
    }
    return ReceiverAnswer.of(response.getStatus(), code, detail, retryable);
  }

  private static boolean isClientError(Throwable failure) {
    if (failure instanceof WebApplicationException wae) {
      int status = wae.getResponse().getStatus();
      return status >= 400 && status < 500;
    }
    return false;
  }
}
