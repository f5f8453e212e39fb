package io.stockbridge.platform.outbox;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;

/**
 * POSTs one outbox event to another service, with this service's client-credentials token.
 */
@RegisterRestClient(configKey = "outbox-delivery")
@OidcClientFilter
@Path("/")
interface OutboxDeliveryRestClient {

  @POST
  @Path("{path}")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<Response> deliver(@Url String baseUrl, @PathParam("path") @Encoded String path,
      @HeaderParam("Idempotency-Key") String eventId, @HeaderParam("Stockbridge-Event-Type") String eventType,
      @HeaderParam("Stockbridge-Seller-Id") String sellerId, String payload);

  /** POSTs a list of events (see {@link OutboxDispatcher}); answers each event's own status. */
  @POST
  @Path("{path}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Uni<String> deliverBatch(@Url String baseUrl, @PathParam("path") @Encoded String path,
      @HeaderParam("Stockbridge-Event-Type") String eventType, String events);
}
