package io.stockbridge.catalog.channelwebhook.rest;

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
import io.stockbridge.catalog.channelwebhook.service.ChannelNotifications;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;

@CompletesDespiteDisconnect
@PermitAll
@Path("/webhooks/channel/{connectionId}")
@Tag(name = "Channel webhooks", description = "The channel's notifications: audit results and order statuses")
public class ChannelWebhookResource {
  private final ChannelNotifications notifications;

  public ChannelWebhookResource(ChannelNotifications notifications) {
    this.notifications = notifications;
  }

  @POST
  @Consumes({ MediaType.APPLICATION_JSON, MediaType.WILDCARD })
  @Operation(summary = "Receive a channel notification (signed by the channel, not called with a token)",
      description = "Authorization carries hex HMAC-SHA256 with the app secret over app key + body. A repeated"
          + " tts_notification_id answers 200 and changes nothing. 401 INVALID_SIGNATURE, 400 STALE_TIMESTAMP"
          + " outside the window, 413 above the body limit.")
  public Uni<Response> receiveChannelNotification(@PathParam("connectionId") UUID connectionId,
      @HeaderParam("Authorization") String signature, String body) {
    return notifications.receive(connectionId, signature, body == null ? "" : body)
        .map(first -> Response.ok(Map.of("received", true, "duplicate", !first)).build());
  }
}
