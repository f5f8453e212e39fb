package io.stockbridge.inventory.webhook.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.webhook.WebhookFanOut;
import io.stockbridge.inventory.webhook.service.ReportedWebhookEvents;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;
import io.stockbridge.platform.webhook.WebhookEvent;

@CompletesDespiteDisconnect
@Path(WebhookEvent.PATH)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Webhook events (internal)", description = "Events the other services have for the seller's webhook "
    + "subscribers, through their outbox")
public class ReportedWebhookEventResource {
  private final ReportedWebhookEvents events;
  private final CurrentSeller seller;

  public ReportedWebhookEventResource(ReportedWebhookEvents events, CurrentSeller seller) {
    this.events = events;
    this.seller = seller;
  }

  @POST
  @Operation(summary = "Queue an event for every subscription of the seller named by Stockbridge-Seller-Id that asked "
      + "for its type; a repeat of an event id changes nothing; 422 WEBHOOK_EVENT_NOT_REPORTABLE for the ledger's "
      + "own types")
  public Uni<WebhookFanOut> reportWebhookEvent(@NotNull @Valid WebhookEvent event) {
    return events.report(seller.id(), event);
  }
}
