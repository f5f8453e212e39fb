package io.stockbridge.gateway.webhook.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.webhook.service.WebhookIntake;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;

/**
 * Warehouse partners' webhooks. Partners hold no OAuth2 tokens: each request is signed with the warehouse's
 * webhook secret (Standard Webhooks), which is what authenticates it.
 */
@CompletesDespiteDisconnect
@Path("/webhooks/{warehouseId}")
@PermitAll
@Tag(name = "Webhooks", description = "Signed events from warehouse partners (Standard Webhooks 1.0)")
public class WebhookResource {
  private final WebhookIntake intake;

  public WebhookResource(WebhookIntake intake) {
    this.intake = intake;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Receive a signed warehouse event",
      description = "Headers webhook-id, webhook-timestamp (Unix seconds, within 5 minutes) and webhook-signature"
          + " (v1,<base64 HMAC-SHA256 of id.timestamp.body>). 202 when stored, 200 for an id already received,"
          + " 401 for a bad signature or stale timestamp, 410 when the warehouse is disabled, 413 above the size limit.")
  public Uni<Response> receive(@PathParam("warehouseId") UUID warehouseId, @HeaderParam("webhook-id") String eventId,
      @HeaderParam("webhook-timestamp") String timestamp, @HeaderParam("webhook-signature") String signature,
      byte[] body) {
    return intake.accept(warehouseId, eventId, timestamp, signature, body == null ? new byte[0] : body)
        .map(outcome -> Response.status(outcome == WebhookIntake.Outcome.RECEIVED ? 202 : 200)
            .entity(Map.of("eventId", eventId, "status", outcome.name().toLowerCase()))
            .type(MediaType.APPLICATION_JSON).build());
  }
}
