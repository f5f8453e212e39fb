package io.stockbridge.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Delivers outbox events under a timeout and the circuit breaker of their receiver and seller
 * ({@link ReceiverBreakers}): a receiver that keeps failing is left alone for a while instead of being hammered, and
 * the events simply wait in the outbox.
 * <p>
 * Every 4xx is an answer, not a failure, so it never opens a breaker: events that a receiver refuses or cannot place
 * yet are not a sign that it is down.
 */
@ApplicationScoped
public class OutboxDeliveryClient {
  private final OutboxDeliveryRestClient restClient;
  private final ReceiverBreakers breakers;
  private final ObjectMapper mapper;

  public OutboxDeliveryClient(@RestClient OutboxDeliveryRestClient restClient, ReceiverBreakers breakers,
      ObjectMapper mapper) {
    this.restClient = restClient;
    this.breakers = breakers;
    this.mapper = mapper;
  }

  public Uni<ReceiverAnswer> deliver(String baseUrl, ClaimedEvent event) {
    String path = event.path().startsWith("/") ? event.path().substring(1) : event.path();
    return breakers.guard(event.destination(), event.sellerId(), () -> restClient.deliver(baseUrl, path,
            event.id().toString(), event.eventType(), event.sellerId(), event.payload())
        .map(response -> ReceiverAnswer.delivered(response.getStatus()))
        .onFailure(OutboxDeliveryClient::isClientError).recoverWithItem(failure -> answerOf(
            ((WebApplicationException) failure).getResponse())));
  }

  /**
   * Delivers a batch of one seller's events; answers the receiver's response body (each event's status). Any failure
   * of the request as a whole, a refusal included, leaves every event of it for a retry: a receiver without the batch
   * endpoint must not make events vanish.
   */
  public Uni<String> deliverBatch(String destination, String sellerId, String baseUrl, String batchPath,
      String events) {
    String path = batchPath.startsWith("/") ? batchPath.substring(1) : batchPath;
    return breakers.guardBatch(destination, sellerId, () -> restClient.deliverBatch(baseUrl, path, "batch", events));
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
